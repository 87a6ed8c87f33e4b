// The words of the members' pages (src/web/public.tsx), in one language: the catalog's `page` sentences as written,
// each `{{name}}` for the page to fill; the page keeps no words of its own.
import { en } from '../domain/words/en';
import { es } from '../domain/words/es';
import type { MemberLanguage } from '../domain/languages';

type Tree = { readonly [key: string]: string | Tree };
const catalogs: Record<MemberLanguage, Tree> = { en: en.page, es: es.page };

function flat(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flat(value, `${prefix}${key}.`),
  );
}

/** Every sentence of the members' pages by its key under `page` (`ended.used`, `applyTo`). */
export const pageWords = (lng: MemberLanguage): Record<string, string> => Object.fromEntries(flat(catalogs[lng]));
