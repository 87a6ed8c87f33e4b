// A language's name as a reader reads it ("Spanish", "español"), from ICU's names, with its first letter a capital.
import { locales, type MemberLanguage } from '../domain/languages';

export function languageName(code: string, lng: MemberLanguage): string {
  const name = new Intl.DisplayNames([locales[lng]], { type: 'language' }).of(code) ?? code;
  return `${name.charAt(0).toLocaleUpperCase(locales[lng])}${name.slice(1)}`;
}
