// Input fields declared once: each decorator carries the validation and its OpenAPI description together, so a limit
// is written in one place and the published contract cannot drift from what is checked. The type check comes first,
// so a value of the wrong type is reported as that.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDuration, IsInstant, Optional } from './validators';

interface FieldOptions {
  /** May be left out (never sent as null). */
  optional?: boolean;
  description?: string;
  example?: unknown;
}

function field(
  options: FieldOptions,
  schema: ApiPropertyOptions,
  ...validators: PropertyDecorator[]
): PropertyDecorator {
  const documented = {
    ...schema,
    ...(options.description ? { description: options.description } : {}),
    ...(options.example !== undefined ? { example: options.example } : {}),
  };
  return options.optional
    ? applyDecorators(ApiPropertyOptional(documented as ApiPropertyOptions), Optional(), ...validators)
    : applyDecorators(ApiProperty(documented as ApiPropertyOptions), ...validators);
}

/** Text of `min` (default 1) to `max` characters. */
export const Text = (options: FieldOptions & { max: number; min?: number }) =>
  field(
    options,
    { type: String, minLength: options.min ?? 1, maxLength: options.max },
    IsString(),
    Length(options.min ?? 1, options.max),
  );

/** An email address of at most 320 characters. */
export const Email = (options: FieldOptions = {}) =>
  field(options, { type: String, format: 'email', maxLength: 320 }, MaxLength(320), IsEmail());

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

export const Bool = (options: FieldOptions = {}) => field(options, { type: Boolean }, IsBoolean());

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
    ...(options.optional ? [] : [IsDefined()]),
    ValidateNested(),
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
