// Whether an error means the database is not there right now (stopped, restarting, unreachable): the caller may say
// so (503) or wait for it, where any other error is a fault.

// PostgreSQL SQLSTATE classes and Node socket errors that mean "the database is not there right now".
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** An error from the pg driver or TypeORM that says the database is away, not that a statement failed. */
export function databaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code && unavailableCodes.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    e?.message ?? '',
  );
}
