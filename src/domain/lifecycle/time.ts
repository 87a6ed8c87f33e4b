// Instants in the lifecycle's state and arithmetic.

/** Instants are ISO strings in the state and milliseconds in arithmetic. */
export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (instant: string) => Date.parse(instant);
