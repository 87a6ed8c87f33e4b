// The languages members are served in (one words catalog each, src/domain/words) and the ones they may say they speak.

/** The languages a member may prefer: every page and email they read comes in it. */
export const memberLanguages = ['en', 'es'] as const;
export type MemberLanguage = (typeof memberLanguages)[number];

/** The language people read when they have not said (and the staff's). */
export const defaultLanguage: MemberLanguage = 'en';

/** How each language writes dates and times: US English and US Spanish (the programs are in the United States). */
export const locales: Record<MemberLanguage, string> = { en: 'en-US', es: 'es-US' };

export const isMemberLanguage = (value: unknown): value is MemberLanguage =>
  (memberLanguages as readonly unknown[]).includes(value);
