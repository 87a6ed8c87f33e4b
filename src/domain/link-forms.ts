// The forms behind signed links, described once: the phone pages draw them from the API's answer, and the API's
// validation of what they send uses the same limits.
export interface FormField {
  name: string;
  label: string;
  kind: 'hours' | 'count' | 'yesno' | 'text';
  required: boolean;
  min?: number;
  max?: number;
  /** The smallest step a number may take (hours in quarters). */
  step?: number;
  maxLength?: number;
  /** A yes/no question's two answers, in words. */
  yesLabel?: string;
  noLabel?: string;
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
