import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { canonicalTimeZone } from '../../domain/calendar';
import { goalScopes } from '../../domain/goals';
import { parseDuration } from '../../domain/durations';
import { isWeekName } from '../../domain/trends';

function register(
  name: string,
  message: string,
  test: (value: unknown) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} ${message}`, ...options },
      validator: { validate: test },
    });
}

/** A duration such as '7 days' or '36 hours' (the range is checked with the whole policy). */
export const IsDuration = (options?: ValidationOptions) =>
  register(
    'isDuration',
    "must be a duration such as '7 days' or '36 hours'",
    (value) => parseDuration(value) !== undefined,
    options,
  );

/** An ISO-8601 instant or date that names a real day (2026-02-30 is refused). */
export const IsInstant = (options?: ValidationOptions) =>
  register(
    'isInstant',
    'must be an ISO-8601 date or a date-time with its offset, such as 2026-03-01 or 2026-03-01T17:00:00-06:00',
    (value) => {
      // A date-time must say its offset: without one, the moment would depend on the server's time zone.
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)
      )
        return false;
      const time = Date.parse(value);
      if (Number.isNaN(time)) return false;
      const [y, m, d] = value.slice(0, 10).split('-').map(Number);
      const day = new Date(Date.UTC(y, m - 1, d));
      return (
        day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && y >= 1900 && y <= 2200
      );
    },
    options,
  );

/** A calendar day, YYYY-MM-DD, that exists. */
export const IsDay = (options?: ValidationOptions) =>
  register(
    'isDay',
    'must be a day such as 2027-03-01',
    (value) => {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const day = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
    },
    options,
  );

/** A program week's name: a day of it, or a debrief period's start instant (src/domain/trends.ts `isWeekName`). */
export const IsWeekName = (options?: ValidationOptions) =>
  register(
    'isWeekName',
    'must be a day such as 2027-03-01, or a debrief period as its week is named, such as 2027-03-01T17:00:00.000Z',
    isWeekName,
    options,
  );

/** An IANA time zone this runtime knows, such as America/Chicago (any case: it is canonicalized before). */
export const IsTimeZone = (options?: ValidationOptions) =>
  register(
    'isTimeZone',
    'must be an IANA time zone such as America/Chicago',
    (value) => typeof value === 'string' && value.length <= 64 && canonicalTimeZone(value) !== undefined,
    options,
  );

/** A name in a flat record: a letter, then letters, digits, spaces, - or _; never a name objects themselves use. */
const recordKey = (key: string) => /^[A-Za-z][A-Za-z0-9 _-]{0,99}$/.test(key) && !(key in Object.prototype);

/**
 * A flat object of at most `maxKeys` entries, named as `recordKey` allows (so `toString` cannot be silently lost),
 * whose values are numbers, booleans or short strings.
 */
export const IsFlatRecord = (maxKeys: number, options?: ValidationOptions) =>
  register(
    'isFlatRecord',
    `must be an object of at most ${maxKeys} entries, each named by a letter then up to 99 letters, digits, spaces, - or _ ` +
      '(not a name JavaScript objects reserve, such as toString), whose values are numbers, booleans or strings of up to 200 characters',
    (value) =>
      // A list is a program's typed goals (IsGoalList checks those).
      Array.isArray(value) ||
      (typeof value === 'object' &&
        value !== null &&
        Object.keys(value).length <= maxKeys &&
        Object.entries(value).every(
          ([key, v]) =>
            recordKey(key) &&
            ((typeof v === 'number' && Number.isFinite(v)) ||
              typeof v === 'boolean' ||
              (typeof v === 'string' && v.length <= 200)),
        )),
    options,
  );

const goalKeys = new Set(['name', 'metric', 'scope', 'target', 'percentOfMembers', 'by']);
const noteShape = (g: Record<string, unknown>) =>
  Object.keys(g).length === 2 &&
  typeof g.name === 'string' &&
  g.name.trim() !== '' &&
  g.name.length <= 100 &&
  ((typeof g.note === 'number' && Number.isFinite(g.note)) ||
    typeof g.note === 'boolean' ||
    (typeof g.note === 'string' && g.note.length <= 200));
const goalShape = (g: Record<string, unknown>) =>
  typeof g === 'object' && g !== null && !Array.isArray(g) && (noteShape(g) || typedGoalShape(g));
const typedGoalShape = (g: Record<string, unknown>) =>
  Object.keys(g).every((k) => goalKeys.has(k)) &&
  typeof g.name === 'string' &&
  g.name.trim() !== '' &&
  g.name.length <= 100 &&
  typeof g.metric === 'string' &&
  g.metric.length <= 50 &&
  (goalScopes as readonly unknown[]).includes(g.scope) &&
  (g.target === undefined || (typeof g.target === 'number' && Number.isFinite(g.target))) &&
  (g.percentOfMembers === undefined ||
    (typeof g.percentOfMembers === 'number' && Number.isFinite(g.percentOfMembers))) &&
  (g.by === undefined || (typeof g.by === 'string' && /^\d{4}-\d\d-\d\d$/.test(g.by)));

/** A program's typed goals: at most `max`, each `{ name, metric, scope, target | percentOfMembers, by? }`. */
export const IsGoalList = (max: number, options?: ValidationOptions) =>
  register(
    'isGoalList',
    `must list at most ${max} goals, each { name, metric, scope (${goalScopes.join(', ')}), target or percentOfMembers, by? (YYYY-MM-DD) } or a note { name, note }`,
    (value) => !Array.isArray(value) || (value.length <= max && value.every(goalShape)),
    options,
  );

/** An object or a list (arrays are objects to some checks, not to others). */
export const IsObjectOrList = (options?: ValidationOptions) =>
  register(
    'isObjectOrList',
    'must be an object or a list',
    (value) => typeof value === 'object' && value !== null,
    options,
  );

/** Role-play scores: 1 to 20 criteria, each a whole number from 1 to 5. */
export const IsScores = (options?: ValidationOptions) =>
  register(
    'isScores',
    'must map 1 to 20 criteria (names of up to 50 characters) to whole numbers from 1 to 5',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length >= 1 &&
      Object.keys(value).length <= 20 &&
      Object.entries(value).every(
        ([key, v]) =>
          key.length >= 1 && key.length <= 50 && Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5,
      ),
    options,
  );

/** Whether `value` maps at most 10 names of 1 to `nameLength` characters to whole numbers from 0 to `max`. */
function wholeNumbersByName(value: unknown, nameLength: number, max: number): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length <= 10 &&
    Object.entries(value).every(
      ([key, v]) => key.length >= 1 && key.length <= nameLength && Number.isInteger(v) && v >= 0 && v <= max,
    )
  );
}

/** A debrief's own counts: up to 10 names (1–50 characters), each a whole number from 0 to 100,000. */
export const IsMetrics = (options?: ValidationOptions) =>
  register(
    'isMetrics',
    'must map up to 10 names (of up to 50 characters) to whole numbers from 0 to 100000',
    (value) => wholeNumbersByName(value, 50, 100_000),
    options,
  );

/** A distance in tenths (12.5 miles, not 12.55). */
export const IsTenths = (options?: ValidationOptions) =>
  register(
    'isTenths',
    'must be given to a tenth at most (such as 12.5)',
    (value) => typeof value === 'number' && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9,
    options,
  );

/** Amounts by name in whole minor units (cents): never a decimal or a string such as "12.50". */
export const IsMinorUnits = (options?: ValidationOptions) =>
  register(
    'isMinorUnits',
    'must map up to 10 names to whole numbers of minor units (cents) from 0 to 10000000, such as { "phone": 2500 }',
    (value) => wholeNumbersByName(value, 30, 10_000_000),
    options,
  );

/** A number of hours in quarter hours. */
export const IsQuarterHours = (options?: ValidationOptions) =>
  register(
    'isQuarterHours',
    'must be in quarter hours (such as 9.25)',
    (value) => typeof value === 'number' && Number.isInteger(value * 4),
    options,
  );

/** A field that may not be sent beside `other` (one or the other: a stipend in major or in minor units). */
export const NotWith =
  (other: string): PropertyDecorator =>
  (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notWith',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `give ${other} or ${String(propertyName)}, not both` },
      validator: {
        validate: (_value: unknown, args) => (args?.object as Record<string, unknown>)[other] === undefined,
      },
    });

/** An optional field: it may be left out, but not sent as null (null would be a value of the wrong type). */
export const Optional = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** ISO 639-1 codes Node's ICU knows a language by (two lowercase letters): `es`, `tl`; `xx` is refused. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const isLanguageCode = (code: unknown) =>
  typeof code === 'string' &&
  /^[a-z]{2}$/.test(code) &&
  languageNames.of(code) !== undefined &&
  // A withdrawn code ICU still knows (`iw` for Hebrew) is refused: its current one (`he`) is the one to give. Only
  // Tagalog's `tl` stays, which ICU folds into Filipino's `fil` (no two-letter code of its own).
  (Intl.getCanonicalLocales(code)[0] === code || code === 'tl');

/** One ISO 639-1 language code. */
export const IsLanguageCode = (options?: ValidationOptions) =>
  register('isLanguageCode', 'must be an ISO 639-1 language code, such as "es"', isLanguageCode, options);

/** A list of up to `max` distinct ISO 639-1 language codes. */
export const IsLanguageCodes = (max: number, options?: ValidationOptions) =>
  register(
    'isLanguageCodes',
    `must list up to ${max} distinct ISO 639-1 language codes, such as ["es", "tl"]`,
    (value) =>
      Array.isArray(value) &&
      value.length <= max &&
      new Set(value).size === value.length &&
      value.every(isLanguageCode),
    options,
  );
