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

/** How many languages a member may say they speak. */
export const maxLanguagesSpoken = 20;

/**
 * The languages the public form offers to tick as spoken, beside English and Spanish: those most spoken at home in
 * the United States after them (Census ACS). A coordinator may record any other ISO 639-1 code.
 */
export const spokenLanguageChoices = [
  'en',
  'es',
  'zh',
  'tl',
  'vi',
  'ar',
  'fr',
  'ko',
  'ru',
  'ht',
  'pt',
  'hi',
  'so',
  'am',
  'pl',
  'uk',
] as const;

/** The language a page asked for (`?lang=es`, `es-MX`), else the browser's first the product speaks, else English. */
export const languageAsked = (asked: string | undefined, header: string | undefined): MemberLanguage =>
  languageFromHeader([asked, header].filter(Boolean).join(','));

/**
 * The member language a browser asks for first (`Accept-Language: es-MX,es;q=0.9,en;q=0.8` → `es`), by its
 * q-values; the default when it names none of them.
 */
export function languageFromHeader(header: string | undefined): MemberLanguage {
  const asked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return asked.map(({ language }) => language).find(isMemberLanguage) ?? defaultLanguage;
}
