// A form as the API answers it: the domain's fields (lifecycle/by-action) with their labels, hints and the choice's
// prompt in words, in the reader's language.
import type { FormField } from '../domain/forms';
import { defaultLanguage, type MemberLanguage } from '../domain/languages';
import { say, type Label } from './say';

export type FormFieldInWords = Omit<FormField, 'label' | 'yesLabel' | 'noLabel' | 'optionLabels'> & {
  label: string;
  yesLabel?: string;
  noLabel?: string;
  optionLabels?: string[];
  /** How to fill it, shown beside it. */
  hint?: string;
  /** A choice's first, empty option. */
  prompt?: string;
};

function hintOf(field: FormField, lng: MemberLanguage): string | undefined {
  if (field.kind === 'hours') return say(field.required ? 'field.hint.hours' : 'field.hint.hoursOptional', {}, lng);
  if (field.kind === 'languages') return say('field.hint.languages', {}, lng);
  if (field.kind === 'money')
    return say(
      field.required ? 'field.hint.money' : 'field.hint.moneyOptional',
      { max: field.max?.toFixed(2) ?? '' },
      lng,
    );
  return field.required ? undefined : say('field.hint.optional', {}, lng);
}

export function formInWords(fields: readonly FormField[], lng: MemberLanguage = defaultLanguage): FormFieldInWords[] {
  const words = (label: Label) => say(label, undefined, lng);
  return fields.map((field) => {
    const { label, yesLabel, noLabel, optionLabels, ...rest } = field;
    const hint = hintOf(field, lng);
    return {
      ...rest,
      label: words(label),
      ...(yesLabel ? { yesLabel: words(yesLabel) } : {}),
      ...(noLabel ? { noLabel: words(noLabel) } : {}),
      ...(optionLabels ? { optionLabels: optionLabels.map(words) } : {}),
      ...(hint ? { hint } : {}),
      ...(field.kind === 'choice' ? { prompt: field.required ? words('field.choose') : '—' } : {}),
    };
  });
}
