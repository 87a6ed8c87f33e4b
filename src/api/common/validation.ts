import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { CheckedProblem } from '../../words/problems';
import { InvalidInputError } from './errors';

/** Every failed constraint as `field.path: reason`, nested objects included. */
export function fieldProblems(errors: ValidationError[], prefix = ''): CheckedProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({
      field,
      check: constraint,
      reason:
        constraint === 'whitelistValidation'
          ? 'is not a field this route accepts'
          : // class-validator starts each message with the property name; say it once, with its full path.
            reason.startsWith(`${error.property} `)
            ? reason.slice(error.property.length + 1)
            : reason,
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** DTO validation for every route: unknown fields refused, types and ranges checked, 400 naming each field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new InvalidInputError(fieldProblems(errors)),
});
