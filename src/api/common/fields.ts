// Input fields declared once: each decorator carries the validation and its OpenAPI description together, so a limit
// is written in one place and the published contract cannot drift from what is checked. The type check comes first,
// so a value of the wrong type is reported as that.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { canonicalTimeZone } from '../../domain/calendar';
import { memberLanguages } from '../../domain/languages';
import { normalizedMemberId } from '../../domain/organizer';
import {
  IsDay,
  IsWeekName,
  IsDuration,
  IsInstant,
  IsLanguageCode,
  IsLanguageCodes,
  IsMetrics,
  IsMinorUnits,
  IsQuarterHours,
  IsScores,
  IsTimeZone,
  Optional,
} from './validators';

interface FieldOptions {
  /** May be left out (never sent as null). */
  optional?: boolean;
  /** May be left out, or sent as null to clear the value. */
  nullable?: boolean;
  description?: string;
  example?: unknown;
  /** Required while another field holds a value; may be left out otherwise. */
  requiredWhen?: { field: string; equals: unknown };
}

function field(
  options: FieldOptions,
  schema: ApiPropertyOptions,
  ...validators: PropertyDecorator[]
): PropertyDecorator {
  const documented = {
    ...schema,
    ...(options.nullable ? { nullable: true } : {}),
    ...(options.description ? { description: options.description } : {}),
    ...(options.example !== undefined ? { example: options.example } : {}),
  };
  if (options.requiredWhen) {
    const { field: other, equals } = options.requiredWhen;
    return applyDecorators(
      ApiPropertyOptional({
        ...documented,
        description: documented.description ?? `Required when ${other} is ${String(equals)}`,
      } as ApiPropertyOptions),
      ValidateIf((o: Record<string, unknown>, value: unknown) => o[other] === equals || value !== undefined),
      IsDefined({ message: `$property is required when ${other} is ${String(equals)}` }),
      ...validators,
    );
  }
  if (options.nullable)
    return applyDecorators(
      ApiPropertyOptional(documented as ApiPropertyOptions),
      ValidateIf((_: object, value: unknown) => value !== undefined && value !== null),
      ...validators,
    );
  return options.optional
    ? applyDecorators(ApiPropertyOptional(documented as ApiPropertyOptions), Optional(), ...validators)
    : applyDecorators(ApiProperty(documented as ApiPropertyOptions), ...validators);
}

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Text of `min` (default 1) to `max` characters. */
export const Text = (options: FieldOptions & { max: number; min?: number }) =>
  field(
    options,
    { type: String, minLength: options.min ?? 1, maxLength: options.max },
    IsString(),
    Length(options.min ?? 1, options.max),
  );

/**
 * Characters that show nothing: controls, format characters (zero-width spaces and joiners, direction marks), spaces,
 * combining marks on their own, and the letters that are drawn blank (Hangul fillers, the blank Braille pattern).
 */
const visible = /[^\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/**
 * A name (of a person, a place, a program), or text people write (a note): surrounding white space dropped, then 1 to
 * `max` characters, at least one of them one a person can see.
 */
export const Name = (options: FieldOptions & { max: number }) =>
  field(
    options,
    { type: String, minLength: 1, maxLength: options.max },
    trimmed,
    IsString(),
    Length(1, options.max),
    Matches(visible, { message: '$property must have a character that can be seen' }),
  );

/**
 * A member number as locals write them: compared and stored without surrounding white space and in capitals, so
 * `sec-u1 ` and `SEC-U1` are one member (for duplicates and roster matches alike).
 */
export const MemberId = (options: FieldOptions = {}) =>
  field(
    options,
    {
      type: String,
      example: 'M-100234',
      maxLength: 64,
      description: 'The member number in the local (case does not matter)',
    },
    Transform(({ value }) => (typeof value === 'string' ? normalizedMemberId(value) : value)),
    IsString(),
    Matches(/^[A-Z0-9][A-Z0-9._\-/]{0,63}$/, { message: 'memberId must be 1 to 64 letters, digits or . _ - /' }),
  );

/** An email address of at most 320 characters, kept without surrounding white space and in lower case. */
export const Email = (options: FieldOptions = {}) =>
  field(
    options,
    { type: String, format: 'email', maxLength: 320 },
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    MaxLength(320),
    IsEmail(),
  );

/** A whole number from `min` (default 0) to `max`. */
export const Count = (options: FieldOptions & { max: number; min?: number }) =>
  field(
    options,
    { type: 'integer', minimum: options.min ?? 0, maximum: options.max },
    IsInt(),
    Min(options.min ?? 0),
    Max(options.max),
  );

/** A finite number from `min` to `max`. */
export const Decimal = (options: FieldOptions & { min: number; max: number }) =>
  field(
    options,
    { type: Number, minimum: options.min, maximum: options.max },
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(options.min),
    Max(options.max),
  );

export const Bool = (options: FieldOptions = {}) =>
  field(options, { type: Boolean }, IsBoolean({ message: '$property choose yes or no' }));

/** An ISO-8601 date, or a date-time with its offset. */
export const Instant = (options: FieldOptions = {}) => field(options, { type: String }, IsInstant());

/** A duration such as '7 days'. */
export const Duration = (options: FieldOptions = {}) => field(options, { type: String }, IsDuration());

/** One of `values`. */
export const OneOf = (values: readonly string[], options: FieldOptions = {}) =>
  field(options, { enum: [...values] }, IsIn(values));

/** A nested object validated as `type`. */
export const Nested = (type: new () => object, options: FieldOptions = {}) =>
  field(
    options,
    { type },
    ...(options.optional || options.nullable || options.requiredWhen ? [] : [IsDefined()]),
    ValidateNested(),
    Type(() => type),
  );

/** An id (a UUID). */
export const Id = (options: FieldOptions = {}) => field(options, { type: String, format: 'uuid' }, IsUUID());

/** A list of 1 to `max` distinct ids (organizers, say). */
export const Ids = (options: FieldOptions & { max: number }) =>
  field(
    options,
    { type: [String], format: 'uuid', minItems: 1, maxItems: options.max, uniqueItems: true },
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(options.max),
    IsUUID('all', { each: true }),
    ArrayUnique(),
  );

/** A list of 1 to `max` nested objects, each validated as `type`. */
export const NestedList = (type: new () => object, options: FieldOptions & { max: number }) =>
  field(
    options,
    { type: [type], minItems: 1, maxItems: options.max },
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(options.max),
    ValidateNested({ each: true }),
    Type(() => type),
  );

/** A page size in a query string: 1 to 200, `fallback` when left out. */
export const Limit = (fallback: number) =>
  applyDecorators(
    ApiPropertyOptional({ default: fallback, minimum: 1, maximum: 200 }),
    Optional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(200),
  );

/** Where a page starts in a query string (0 when left out). */
export const Offset = () =>
  applyDecorators(
    ApiPropertyOptional({ default: 0, minimum: 0 }),
    Optional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(1_000_000),
  );

/** An IANA time zone, stored under its canonical name whatever the case it was sent in (`america/chicago`). */
export const TimeZone = (options: FieldOptions = {}) =>
  field(
    options,
    { type: String, example: 'America/Chicago' },
    Transform(({ value }) => (typeof value === 'string' ? (canonicalTimeZone(value) ?? value) : value)),
    IsTimeZone(),
  );

/** Hours from 0 to `max`, in quarter hours (9.25, not 9.3; not 1e-320). */
export const QuarterHours = (options: FieldOptions & { max: number }) =>
  field(
    options,
    { type: Number, minimum: 0, maximum: options.max, multipleOf: 0.25 },
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(options.max),
    IsQuarterHours(),
  );

/** A local day, YYYY-MM-DD. */
export const Day = (options: FieldOptions = {}) => field(options, { type: String, format: 'date' }, IsDay());

/** A program week's name: a local day of it (YYYY-MM-DD), or a debrief period's start instant. */
export const WeekName = (options: FieldOptions = {}) => field(options, { type: String }, IsWeekName());

/** Named whole numbers (a debrief's own counts, a plan's targets), each 0 to 100,000. */
export const NamedCounts = (options: FieldOptions = {}) =>
  field(
    options,
    { type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 100_000 } },
    IsMetrics(),
  );

/** Named scores (a role-play's criteria), each 1 to 5. */
export const NamedScores = (options: FieldOptions = {}) =>
  field(options, { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } }, IsScores());

/** Named amounts in whole minor units (cents). */
export const NamedAmounts = (options: FieldOptions = {}) =>
  field(
    options,
    { type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 10_000_000 } },
    IsMinorUnits(),
  );

/** The language a member reads: one the product speaks. */
export const PreferredLanguage = (options: FieldOptions = {}) =>
  field(options, { type: String, enum: [...memberLanguages], example: 'es' }, IsIn(memberLanguages));

/** A language a member may speak, as its ISO 639-1 code. */
export const LanguageCode = (options: FieldOptions = {}) =>
  field(options, { type: String, example: 'es' }, IsLanguageCode());

/** The languages a member speaks, as ISO 639-1 codes. */
export const LanguageCodes = (options: FieldOptions & { max: number }) =>
  field(
    options,
    { type: [String], maxItems: options.max, uniqueItems: true, example: ['es', 'tl'] },
    IsLanguageCodes(options.max),
  );
