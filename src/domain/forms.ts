// What an action takes and the form people fill for it, described once in the action's definition
// (lifecycle/by-action): the API validates a body against the input, the page's panel and the phone pages draw the
// form from the API's answer (one renderer), so no form is written twice.
import { iso, ms } from './lifecycle/time';
import { said, type Label, type Said } from './words/said';

/** The kinds of field a form draws. */
export const formFieldKinds = [
  'line',
  'text',
  'yesno',
  'count',
  'hours',
  'decimal',
  'money',
  'choice',
  'day',
  'moment',
  'languages',
] as const;
export type FormFieldKind = (typeof formFieldKinds)[number];

/** One field of a form; the API answers it with its labels in words (src/words/forms.ts). */
export interface FormField {
  /** Where its value goes in the body: `hours`, `offer.startDate`, `metrics.<name>`, `entries.<n>.hours`. */
  name: string;
  label: Label;
  /**
   * line: one line of text; text: free text; yesno: two answers (sent true or false); count: a whole number; hours:
   * in quarters; decimal: a number to `step`; money: typed in the currency (12.50), sent in minor units (1250);
   * choice: one of `options`; day: a date (YYYY-MM-DD; `sentAsInstant`: noon that day in the program's zone); moment:
   * a date and time in the program's zone (the form says which), sent as an instant; languages: ISO 639-1 codes typed
   * on one line ("es, tl"), sent as a list.
   */
  kind: FormFieldKind;
  required: boolean;
  min?: number;
  max?: number;
  /** The smallest step a number may take (hours in quarters). */
  step?: number;
  maxLength?: number;
  /** A yes/no question's two answers (catalog keys, in words once the API answers). */
  yesLabel?: Label;
  noLabel?: Label;
  /** A choice's options as sent, and as people read them (in the same order). */
  options?: string[];
  optionLabels?: Label[];
  /** What the field holds when the form opens. */
  value?: string | number | boolean;
  /** Shown (and sent) only while another field holds a value. */
  shownWhen?: { field: string; equals: string | boolean };
  sentAsInstant?: boolean;
}

/** A field of an action's input, as clients send it and the API validates it. */
export type InputField = {
  name: string;
  label: Label;
  /** May be left out. */
  optional?: boolean;
  /** Required while another field holds a value (left out otherwise). */
  requiredWhen?: { field: string; equals: string | boolean };
  description?: string;
  example?: unknown;
} & InputKind;

type InputKind =
  /** An ISO-8601 date-time with its offset, or a date. */
  | { kind: 'moment' }
  /** A local day, YYYY-MM-DD. */
  | { kind: 'day' }
  /** One line people can see (a name, a place): trimmed, 1 to `max` characters. */
  | { kind: 'line'; max: number }
  /** Free text of `min` (default 1) to `max` characters. */
  | { kind: 'text'; max: number; min?: number }
  | { kind: 'yesno'; yesLabel?: Label; noLabel?: Label }
  | { kind: 'count'; max: number; min?: number }
  | { kind: 'hours'; max: number }
  | { kind: 'decimal'; min: number; max: number; step?: number }
  | { kind: 'choice'; options: readonly string[]; optionLabels?: readonly Label[] }
  /** Whole minor units (cents); `notWith`: a field that may not be sent beside it. */
  | { kind: 'money'; max: number; notWith?: string }
  /** Named whole numbers (the program's own counts, targets), each 0 to 100,000. */
  | { kind: 'counts' }
  /** Named scores, each 1 to 5. */
  | { kind: 'scores' }
  /** Named amounts in whole minor units. */
  | { kind: 'amounts' }
  /** Up to `max` distinct ISO 639-1 language codes. */
  | { kind: 'languages'; max: number }
  | { kind: 'group'; fields: readonly InputField[] }
  | { kind: 'list'; max: number; fields: readonly InputField[] };

/**
 * The form of an input as it stands: each field that people type or choose, a group's inside it (`offer.hoursPerWeek`,
 * shown while the group is required). Named sets and lists have no fields until a program names them: an action
 * with one draws its form itself (`form` in its definition).
 */
export function formFieldsOf(input: readonly InputField[], prefix = ''): FormField[] {
  // Of two fields that may not go together, the form asks the one that names the other (stipendMinor, not stipend).
  const replaced = input.flatMap((field) => (field.kind === 'money' && field.notWith ? [field.notWith] : []));
  return input
    .filter((field) => !replaced.includes(field.name))
    .flatMap((field): FormField[] => {
      const base = {
        name: `${prefix}${field.name}`,
        label: field.label,
        required: !field.optional && !field.requiredWhen,
        ...(field.requiredWhen ? { shownWhen: field.requiredWhen } : {}),
      };
      switch (field.kind) {
        case 'moment':
        case 'day':
          return [{ ...base, kind: field.kind }];
        case 'languages':
          return [{ ...base, kind: 'languages', max: field.max }];
        case 'line':
        case 'text':
          return [{ ...base, kind: field.kind, maxLength: field.max }];
        case 'yesno':
          return [
            { ...base, kind: 'yesno', yesLabel: field.yesLabel ?? 'field.yes', noLabel: field.noLabel ?? 'field.no' },
          ];
        case 'count':
          return [{ ...base, kind: 'count', min: field.min ?? 0, max: field.max }];
        case 'hours':
          return [{ ...base, kind: 'hours', min: 0, max: field.max, step: 0.25 }];
        case 'decimal':
          return [{ ...base, kind: 'decimal', min: field.min, max: field.max, step: field.step ?? 0.01 }];
        case 'money':
          return [{ ...base, kind: 'money', min: 0, max: field.max / 100, step: 0.01 }];
        case 'choice':
          return [
            {
              ...base,
              kind: 'choice',
              options: [...field.options],
              ...(field.optionLabels ? { optionLabels: [...field.optionLabels] } : {}),
            },
          ];
        case 'group':
          return formFieldsOf(field.fields, `${base.name}.`).map((inner) => ({
            ...inner,
            ...(field.requiredWhen ? { shownWhen: field.requiredWhen } : {}),
          }));
        case 'counts':
        case 'scores':
        case 'amounts':
        case 'list':
          return [];
      }
    });
}

/** The field of that name (a definition's form takes its fields by name, whatever the order). */
export function fieldNamed(fields: readonly FormField[], name: string): FormField {
  const found = fields.find((field) => field.name === name);
  if (!found) throw new Error(`no form field ${name}`);
  return found;
}

/** A form's fields, those named changed (a label, a kind, a choice's options, a starting value). */
export function withFields(fields: FormField[], changes: Record<string, Partial<FormField>>): FormField[] {
  return fields.map((field) => (changes[field.name] ? { ...field, ...changes[field.name] } : field));
}

/**
 * A choice of period (debrief or pay), each in words (`Mar 2, 2027 to Mar 8, 2027`) with a note in brackets if it
 * has one; starts at `chosen`.
 */
export function periodChoice(
  field: FormField,
  periods: readonly { start: string; end: string; note?: Said }[],
  timezone: string,
  chosen: string | undefined,
): FormField {
  return {
    ...field,
    kind: 'choice',
    options: periods.map((p) => p.start),
    optionLabels: periods.map((p) => {
      const days = { start: p.start, last: iso(ms(p.end) - 1) };
      return p.note
        ? said('field.periodChoiceNoted', { ...days, note: p.note }, timezone)
        : said('field.periodChoice', days, timezone);
    }),
    ...(chosen ? { value: chosen } : {}),
  };
}

/** A name as a label: its first letter in capitals (`caucus commitments` → `Caucus commitments`). */
export const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const debriefLimits = { hours: 168, count: 100_000, notes: 2000 } as const;

/** Why an action is taken (closing a record, reopening it, undoing a step), with an example for API clients. */
export const reasonField = ({ example }: { example: string }): InputField => ({
  name: 'reason',
  label: 'field.reason',
  kind: 'text',
  max: 500,
  example,
});

/** Notes people may add to an action, optional. */
export const notesField: InputField = {
  name: 'notes',
  label: 'field.notes',
  kind: 'text',
  max: debriefLimits.notes,
  min: 0,
  optional: true,
};
