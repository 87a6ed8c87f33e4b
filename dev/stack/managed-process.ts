import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Every output line is appended here. */
  logFile?: string;
  /** Which output lines are echoed to this process's stdout, prefixed with the name (all when true). */
  echo?: boolean | ((line: string) => boolean);
  /** Called with every output line (e.g. to spot a readiness message). */
  onLine?: (line: string) => void;
}

/**
 * A child process that belongs to the stack. It runs in its own process group, so a terminal's Ctrl-C reaches only
 * the supervisor, which then stops the children in order (the API and worker before the servers they use).
 */
export class ManagedProcess {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly log?: WriteStream;
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  /** The last lines of output, for error messages. */
  readonly recent: string[] = [];

  constructor(options: ManagedProcessOptions) {
    this.name = options.name;
    if (options.logFile) {
      mkdirSync(dirname(options.logFile), { recursive: true });
      this.log = createWriteStream(options.logFile, { flags: 'a' });
    }
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => this.line(line, options));
    }
    this.exited = new Promise((resolveExit) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? null : 0);
        resolveExit(this.exitCode);
      });
      this.child.once('error', (error) => {
        this.line(`failed to start: ${error.message}`, options);
        this.exitCode = -1;
        resolveExit(-1);
      });
    });
    void this.exited.then(() => this.log?.end());
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  private line(line: string, options: ManagedProcessOptions): void {
    this.log?.write(line + '\n');
    this.recent.push(line);
    if (this.recent.length > 20) this.recent.shift();
    const echo = typeof options.echo === 'function' ? options.echo(line) : options.echo;
    if (echo) process.stdout.write(`[${this.name}] ${line}\n`);
    options.onLine?.(line);
  }

  /**
   * Sends `signal` to the child's whole process group; after `timeoutMs` kills it. Resolves once it has exited. The
   * default outlasts the product's own limits (the worker's WORKER_SHUTDOWN_FORCE_MS, the API's delay and grace).
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 40_000): Promise<void> {
    if (!this.running || !this.child.pid) return;
    this.signalGroup(signal);
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort when the supervisor itself exits: synchronous, no waiting. */
  kill(): void {
    if (this.running) this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  }
}
