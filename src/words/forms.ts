// A form as the API answers it: the domain's fields (lifecycle/by-action) with their labels in words.
import type { FormField } from '../domain/forms';
import { say, type Label } from './say';

export type FormFieldInWords = Omit<FormField, 'label' | 'yesLabel' | 'noLabel' | 'optionLabels'> & {
  label: string;
  yesLabel?: string;
  noLabel?: string;
  optionLabels?: string[];
};

export function formInWords(fields: readonly FormField[]): FormFieldInWords[] {
  return fields.map(({ label, yesLabel, noLabel, optionLabels, ...field }) => ({
    ...field,
    label: say(label),
    ...(yesLabel ? { yesLabel: say(yesLabel) } : {}),
    ...(noLabel ? { noLabel: say(noLabel) } : {}),
    ...(optionLabels ? { optionLabels: optionLabels.map((option: Label) => say(option)) } : {}),
  }));
}
