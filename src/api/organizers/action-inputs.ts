// Each action's body, as a class the validation pipe and the OpenAPI document read, drawn from the input its
// definition declares (domain/lifecycle/by-action): a limit is written once, in the domain.
import { applyDecorators } from '@nestjs/common';
import type { InputField } from '../../domain/forms';
import { actionDefinitions, type Action } from '../../domain/lifecycle/by-action';
import {
  Bool,
  Count,
  Day,
  Decimal,
  Instant,
  LanguageCodes,
  Name,
  NamedAmounts,
  NamedCounts,
  NamedScores,
  Nested,
  NestedList,
  OneOf,
  QuarterHours,
  Text,
} from '../common/fields';
import { IsTenths, NotWith } from '../common/validators';

type BodyClass = new () => object;

/** `schedule-screening` → `ScheduleScreening`. */
const pascalCase = (name: string) =>
  name.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());

/** The decorator that validates and documents one field. */
function decoratorOf(field: InputField, owner: string): PropertyDecorator {
  const options = {
    optional: field.optional,
    requiredWhen: field.requiredWhen,
    description: field.description,
    example: field.example,
  };
  switch (field.kind) {
    case 'moment':
      return Instant(options);
    case 'day':
      return Day(options);
    case 'line':
      return Name({ ...options, max: field.max });
    case 'text':
      return Text({ ...options, max: field.max, min: field.min });
    case 'yesno':
      return Bool(options);
    case 'count':
      return Count({ ...options, max: field.max, min: field.min });
    case 'hours':
      return QuarterHours({ ...options, max: field.max });
    case 'decimal':
      return applyDecorators(
        Decimal({ ...options, min: field.min, max: field.max }),
        ...(field.step === 0.1 ? [IsTenths()] : []),
      );
    case 'money':
      return applyDecorators(Count({ ...options, max: field.max }), ...(field.notWith ? [NotWith(field.notWith)] : []));
    case 'choice':
      return OneOf(field.options, options);
    case 'counts':
      return NamedCounts(options);
    case 'scores':
      return NamedScores(options);
    case 'amounts':
      return NamedAmounts(options);
    case 'languages':
      return LanguageCodes({ ...options, max: field.max });
    case 'group':
      return Nested(bodyClass(`${owner}${pascalCase(field.name)}`, field.fields), options);
    case 'list':
      return NestedList(bodyClass(`${owner}${pascalCase(field.name)}`, field.fields), { ...options, max: field.max });
  }
}

/** A class named `<name>Dto` whose properties are `fields`, each with its decorator. */
function bodyClass(name: string, fields: readonly InputField[]): BodyClass {
  const body = { [`${name}Dto`]: class {} }[`${name}Dto`];
  for (const field of fields) decoratorOf(field, name)(body.prototype, field.name);
  return body;
}

const bodies = new Map<Action, BodyClass>();

/** The body class of an action's route: `ScheduleScreeningDto`, its group `RecordRolePlayOfferDto`. */
export function actionBody(action: Action): BodyClass {
  if (!bodies.has(action)) bodies.set(action, bodyClass(pascalCase(action), actionDefinitions[action].input));
  return bodies.get(action)!;
}
