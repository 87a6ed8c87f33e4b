// The one way words reach people: a catalog key and its values, rendered by i18next (plurals through
// Intl.PluralRules, instants in the program's time zone through the formatters below). English only for now; the
// catalog is src/domain/words, one per language.
import i18next from 'i18next';
import { localDateTime, localDayOf } from '../domain/calendar';
import { en } from '../domain/words/en';
import type { Label, Said, SaidValue } from '../domain/words/said';

export type { Label, Said, WordKey } from '../domain/words/said';

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
  resources: { en: { translation: en } },
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
words.services.formatter!.add('when', (value, _lng, options: Zoned) =>
  options.zone ? localDateTime(instant(value), options.zone) : String(value),
);
words.services.formatter!.add('day', (value, _lng, options: Zoned) =>
  localDayOf(instant(value), options.zone ?? 'UTC'),
);
words.services.formatter!.add('shortDay', (value, lng, options: Zoned) => {
  const [year, month, day] = localDayOf(instant(value), options.zone ?? 'UTC')
    .split('-')
    .map(Number);
  return new Intl.DateTimeFormat(lng, { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
});

/** A value as a sentence takes it: words of its own rendered, a number kept (plurals count it), nothing as nothing. */
const rendered = (value: SaidValue | null | undefined): string | number =>
  value === null || value === undefined ? '' : typeof value === 'object' ? say(value) : value;

/** The words for a key (or a label) with its values. */
export function say(label: Label, values?: Record<string, SaidValue>): string {
  const { key, values: own, zone }: Said = typeof label === 'string' ? { key: label } : label;
  const all = { ...own, ...values };
  const flat = Object.fromEntries(Object.entries(all).map(([name, value]) => [name, rendered(value)]));
  if (!words.exists(key, flat)) throw new Error(`no words for ${key}`);
  return words.t(key, { ...flat, ...(zone ? { zone } : {}) });
}

/**
 * Stored words (a reminder kept in the read model, raised by a workflow of an earlier release) as its reader reads
 * them; `instead` when the catalog no longer renders them as stored (a key renamed, a value added).
 */
export function sayStored(said: Said, instead: string): string {
  try {
    return say(said);
  } catch {
    return instead;
  }
}

/** A sentence as a line of its own: its first letter in capitals, a full stop if it has none. */
export const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
