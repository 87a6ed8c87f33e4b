import { Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from './errors';

/** A route's id parameter: ids are UUIDs, so anything else names nothing (404). */
export const IdParam = (name: string, what: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError(`no ${what} with that id`) }));

/** A route's day parameter (YYYY-MM-DD): anything but a day that exists names nothing (404). */
export const DayParam = (name: string, what: string) =>
  Param(name, {
    transform: (value: string) => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
      if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
        throw new NotFoundError(`no ${what} for that day`);
      return value;
    },
  } satisfies PipeTransform<string, string>);
