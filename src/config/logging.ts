// One logger per process, text for people or one JSON object per line for log collectors (LOG_FORMAT=json), with
// Temporal's own logs (the SDK's and its native core's) going through it too.
import { ConsoleLogger, Logger, LoggerService } from '@nestjs/common';
import type { LogLevel as TemporalLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';

export type LogFormat = 'text' | 'json';

/** LOG_FORMAT: `text` (the default) or `json`; anything else is named on stderr and read as text. */
export function logFormat(env: Record<string, string | undefined> = process.env): LogFormat {
  const raw = env.LOG_FORMAT;
  if (raw === 'json' || raw === 'text' || !raw) return raw === 'json' ? 'json' : 'text';
  process.stderr.write(`LOG_FORMAT must be text or json, got "${raw}"; logging text\n`);
  return 'text';
}

/** Makes this process's logger the one every Nest `Logger` writes through, and returns it for NestFactory. */
export function installLogger(format: LogFormat = logFormat()): ConsoleLogger {
  const logger = new ConsoleLogger({ json: format === 'json', colors: format === 'text' && process.stdout.isTTY });
  Logger.overrideLogger(logger);
  return logger;
}

const minimum: Record<TemporalLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/**
 * Temporal's logger interface over a Nest logger, context `temporal`. The SDK logs every activity and workflow task
 * at DEBUG, which would drown everything else, so it passes INFO and above.
 */
export class TemporalLogAdapter implements TemporalLogger {
  constructor(
    private readonly target: LoggerService,
    private readonly level: TemporalLevel = 'INFO',
  ) {}

  log(level: TemporalLevel, message: string, meta?: LogMetadata): void {
    if (minimum[level] < minimum[this.level]) return;
    const text = meta && Object.keys(meta).length ? `${message} ${JSON.stringify(meta, plain)}` : message;
    if (level === 'ERROR') this.target.error(text, undefined, 'temporal');
    else if (level === 'WARN') this.target.warn(text, 'temporal');
    else if (level === 'INFO') this.target.log(text, 'temporal');
    else this.target.debug?.(text, 'temporal');
  }

  trace = (message: string, meta?: LogMetadata) => this.log('TRACE', message, meta);
  debug = (message: string, meta?: LogMetadata) => this.log('DEBUG', message, meta);
  info = (message: string, meta?: LogMetadata) => this.log('INFO', message, meta);
  warn = (message: string, meta?: LogMetadata) => this.log('WARN', message, meta);
  error = (message: string, meta?: LogMetadata) => this.log('ERROR', message, meta);
}

// Metadata may hold bigints (timestamps in nanoseconds) and errors, which JSON.stringify cannot write as they are.
function plain(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return value.message;
  return value;
}
