import { Param, ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from './errors';

/** A route's id parameter: ids are UUIDs, so anything else names nothing (404). */
export const IdParam = (name: string, what: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError(`no ${what} with that id`) }));
