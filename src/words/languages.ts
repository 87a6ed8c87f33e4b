// A language's name as a reader reads it ("Spanish", "Español"), from ICU's names, with its first letter a capital.
import { locales, type MemberLanguage } from '../domain/languages';

const namers = new Map<MemberLanguage, Intl.DisplayNames>();

export function languageName(code: string, lng: MemberLanguage): string {
  let namer = namers.get(lng);
  if (!namer) namers.set(lng, (namer = new Intl.DisplayNames([locales[lng]], { type: 'language' })));
  const name = namer.of(code) ?? code;
  return `${name.charAt(0).toLocaleUpperCase(locales[lng])}${name.slice(1)}`;
}
