import { Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { isWeekName } from '../../domain/trends';
import { NotFoundError } from './errors';

/** A route's id parameter: ids are UUIDs, so anything else names nothing (404). */
export const IdParam = (name: string, what: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError(`no ${what} with that id`) }));

/** A route's week parameter (a day of it, or a debrief period's start): anything else names nothing (404). */
export const WeekParam = (name: string, what: string) =>
  Param(name, {
    transform: (value: string) => {
      if (!isWeekName(value)) throw new NotFoundError(`no ${what} for that week`);
      return value;
    },
  } satisfies PipeTransform<string, string>);
