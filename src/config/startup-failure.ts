import { ConfigError } from './configuration';
import { PayloadKeyMismatchError } from './payload-keys';

/** How a process that cannot start says why: one line naming the setting for a configuration problem, else the stack. */
export function startupFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof PayloadKeyMismatchError) return `cannot start: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
