// The kinds of program the product knows; each has its policy and pay presets.
export const programKinds = ['member_organizer', 'political_organizer', 'civic_engagement'] as const;
export type ProgramKind = (typeof programKinds)[number];
