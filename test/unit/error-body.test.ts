import { BadRequestException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { errorBody } from '../../src/api/common/error.filter';
import { ConflictError, InvalidInputError, UnavailableError } from '../../src/api/common/errors';

describe('error bodies', () => {
  it('maps the product errors to their statuses', () => {
    expect(errorBody(new InvalidInputError([{ field: 'hours', reason: 'must not be less than 0' }]))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'hours must not be less than 0',
      problems: [{ field: 'hours', reason: 'must not be less than 0' }],
    });
    expect(errorBody(new ConflictError('stage closed'))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'stage closed',
    });
    expect(errorBody(new UnavailableError('later'))).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'later',
    });
    expect(errorBody(new BadRequestException('x'))).toMatchObject({ statusCode: 400, message: 'x' });
  });

  it('answers 503, not 500, when PostgreSQL is away, and 409 for a duplicate key', () => {
    expect(
      errorBody(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).statusCode,
    ).toBe(503);
    expect(errorBody(new Error('Connection terminated unexpectedly')).statusCode).toBe(503);
    const duplicate = new QueryFailedError(
      'INSERT …',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(errorBody(duplicate).statusCode).toBe(409);
  });

  it('never puts internals into a 500', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'secret')");
    const body = errorBody(error);
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(JSON.stringify(body)).not.toContain('at ');
  });
});
