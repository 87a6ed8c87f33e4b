// The forms behind signed links, described once: the phone pages draw them from the API's answer, and the API's
// validation of what they send uses the same limits.
export const formFieldKinds = ['hours', 'count', 'yesno', 'text', 'choice', 'decimal', 'money'] as const;

export interface FormField {
  name: string;
  label: string;
  kind: (typeof formFieldKinds)[number];
  required: boolean;
  min?: number;
  max?: number;
  /** The smallest step a number may take (hours in quarters). */
  step?: number;
  maxLength?: number;
  /** A yes/no question's two answers, in words. */
  yesLabel?: string;
  noLabel?: string;
  /** A choice's options, as sent. */
  options?: string[];
}

export const debriefLimits = { hours: 168, count: 100_000, notes: 2000 } as const;

const standardDebriefFields: FormField[] = [
  { name: 'hours', label: 'Hours worked', kind: 'hours', required: true, min: 0, max: debriefLimits.hours, step: 0.25 },
  { name: 'conversations', label: 'Conversations', kind: 'count', required: true, min: 0, max: debriefLimits.count },
  { name: 'oneOnOnes', label: 'One-on-ones', kind: 'count', required: true, min: 0, max: debriefLimits.count },
  {
    name: 'leadersIdentified',
    label: 'Leaders identified',
    kind: 'count',
    required: true,
    min: 0,
    max: debriefLimits.count,
  },
  { name: 'inPerson', label: 'Did you meet in person?', kind: 'yesno', required: true, yesLabel: 'Yes', noLabel: 'No' },
  { name: 'group', label: 'Was it a group debrief?', kind: 'yesno', required: true, yesLabel: 'Yes', noLabel: 'No' },
];

/** The debrief form of a program: the standard fields, the program's own counts (`metrics.<name>`), then notes. */
export function debriefFormFields(policy: { debriefMetrics?: string[] }): FormField[] {
  return [
    ...standardDebriefFields,
    ...(policy.debriefMetrics ?? []).map((name): FormField => ({
      name: `metrics.${name}`,
      label: name.charAt(0).toUpperCase() + name.slice(1),
      kind: 'count',
      required: true,
      min: 0,
      max: debriefLimits.count,
    })),
    { name: 'notes', label: 'Notes', kind: 'text', required: false, maxLength: debriefLimits.notes },
  ];
}

export const offerFormFields: FormField[] = [
  {
    name: 'accepted',
    label: 'Your answer',
    kind: 'yesno',
    required: true,
    yesLabel: 'I accept the offer',
    noLabel: 'I decline the offer',
  },
];

/** A time sheet sent from a phone has up to this many lines (a day, its hours, the kind of work). */
export const timesheetLines = 7;

/**
 * The time sheet form of a pay period whose days are `days` (YYYY-MM-DD, in the program's zone): lines of a day,
 * hours and a kind of work (`entries.<n>.<field>`; the first required), miles when mileage is paid, each allowance
 * in the currency's units (`allowances.<name>`, sent in minor units).
 */
export function timesheetFormFields(
  pay: { workKinds: string[]; mileageRateMinor?: number; allowances?: { name: string; capMinor: number }[] },
  days: string[],
): FormField[] {
  const lines = Array.from({ length: Math.min(timesheetLines, days.length) }, (_, n) => n);
  return [
    ...lines.flatMap((n): FormField[] => [
      { name: `entries.${n}.date`, label: `Day ${n + 1}`, kind: 'choice', required: n === 0, options: days },
      {
        name: `entries.${n}.hours`,
        label: `Hours, day ${n + 1}`,
        kind: 'hours',
        required: n === 0,
        min: 0,
        max: 24,
        step: 0.25,
      },
      {
        name: `entries.${n}.kind`,
        label: `Kind of work, day ${n + 1}`,
        kind: 'choice',
        required: n === 0,
        options: pay.workKinds,
      },
    ]),
    ...(pay.mileageRateMinor
      ? [
          {
            name: 'miles',
            label: 'Miles driven',
            kind: 'decimal',
            required: false,
            min: 0,
            max: 10_000,
            step: 0.1,
          } as FormField,
        ]
      : []),
    ...(pay.allowances ?? []).map((a): FormField => ({
      name: `allowances.${a.name}`,
      label: `${a.name.charAt(0).toUpperCase()}${a.name.slice(1)} allowance`,
      kind: 'money',
      required: false,
      min: 0,
      max: a.capMinor / 100,
      step: 0.01,
    })),
  ];
}
