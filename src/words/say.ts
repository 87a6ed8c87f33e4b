// The one way words reach people: a catalog key and its values, rendered by i18next (plurals through
// Intl.PluralRules, instants in the program's time zone through the formatters below) in the reader's language; the
// catalogs are src/domain/words, one per language, English the default and the fallback.
import i18next from 'i18next';
import { localDateTime, localDayOf } from '../domain/calendar';
import { durationParts } from '../domain/durations';
import { en } from '../domain/words/en';
import { es } from '../domain/words/es';
import { defaultLanguage, locales, type MemberLanguage } from '../domain/languages';
import type { Label, Said, SaidValue } from '../domain/words/said';

export type { Label, Said, WordKey } from '../domain/words/said';

type Tree = { [key: string]: string | Tree };

/**
 * A catalog with the plural form Spanish uses for a million and more (`many`, by Intl.PluralRules) written as its
 * `other`: the sentences read the same, and a reader is never sent the English one instead.
 */
function withManyForms(tree: Tree): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? value : withManyForms(value);
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : undefined;
    if (base !== undefined && typeof value === 'string' && !(`${base}_many` in tree)) out[`${base}_many`] = value;
  }
  return out;
}

const words = i18next.createInstance();
// i18next catches a formatter's error and only warns: a date it could not read would go out as it was given.
const failing = (args: unknown[]) => {
  throw new Error(args.map(String).join(' '));
};
words.use({ type: 'logger', log: () => undefined, warn: failing, error: failing });
void words.init({
  // Warnings reach the logger only in debug: its log lines go nowhere, its warnings fail.
  debug: true,
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en }, es: { translation: withManyForms(es as unknown as Tree) } },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  missingInterpolationHandler: (text, match: string[]) => {
    throw new Error(`no value for ${match[1]?.trim() ?? text} in "${text}"`);
  },
});

type Zoned = { zone?: string };
function instant(value: unknown): number {
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${String(value)}`);
  return ms;
}
/** An instant in the zone, or as it was given when there is none (records before the zone was kept). */
words.services.formatter!.add('when', (value, lng, options: Zoned) =>
  options.zone ? localDateTime(instant(value), options.zone, localeOf(lng)) : String(value),
);
words.services.formatter!.add('day', (value, _lng, options: Zoned) =>
  localDayOf(instant(value), options.zone ?? 'UTC'),
);
words.services.formatter!.add('shortDay', (value, lng, options: Zoned) => {
  const [year, month, day] = localDayOf(instant(value), options.zone ?? 'UTC')
    .split('-')
    .map(Number);
  return new Intl.DateTimeFormat(localeOf(lng), { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
});

/**
 * A policy's duration in the reader's language: `7 days` → "7 días". English reads it as the program wrote it, which
 * is English already.
 */
words.services.formatter!.add('duration', (value, lng) => {
  const parts = lng === defaultLanguage || lng === undefined ? undefined : durationParts(String(value));
  if (!parts) return String(value);
  const format = new Intl.NumberFormat(localeOf(lng), { style: 'unit', unit: parts.unit, unitDisplay: 'long' });
  return format.format(parts.amount);
});

/** How a language writes dates (i18next gives a language code, or nothing for the default). */
function localeOf(lng: string | undefined): string {
  return locales[(lng as MemberLanguage) in locales ? (lng as MemberLanguage) : defaultLanguage];
}

/** A value as a sentence takes it: words of its own rendered, a number kept (plurals count it), nothing as nothing. */
const rendered = (value: SaidValue | null | undefined, lng: MemberLanguage): string | number =>
  value === null || value === undefined ? '' : typeof value === 'object' ? say(value, undefined, lng) : value;

/** The words for a key (or a label) with its values, in `lng` (English unless said). */
export function say(label: Label, values?: Record<string, SaidValue>, lng: MemberLanguage = defaultLanguage): string {
  const { key, values: own, zone }: Said = typeof label === 'string' ? { key: label } : label;
  const all = { ...own, ...values };
  const flat = Object.fromEntries(Object.entries(all).map(([name, value]) => [name, rendered(value, lng)]));
  // Looked up in the reader's language alone: a sentence missing there is an error, never English in its place.
  if (!words.exists(key, { ...flat, lngs: [lng] })) throw new Error(`no words for ${key} in ${lng}`);
  return words.t(key, { ...flat, lng, ...(zone ? { zone } : {}) });
}

/**
 * Stored words (a reminder kept in the read model, raised by a workflow of an earlier release) as its reader reads
 * them; `instead` when the catalog no longer renders them as stored (a key renamed, a value added).
 */
export function sayStored(said: Said, instead: string, lng: MemberLanguage = defaultLanguage): string {
  try {
    return say(said, undefined, lng);
  } catch {
    return instead;
  }
}

/** A sentence as a line of its own: its first letter in capitals, a full stop if it has none. */
export const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
