// CPU time spent by process trees (Linux /proc): where a scenario's machine time went, process by process.
import { readdirSync, readFileSync } from 'node:fs';
import { round } from './stats';

const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

interface Stat {
  ppid: number;
  ticks: number;
}

function statOf(pid: number): Stat | undefined {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // From field 3 on: ppid is field 4, utime 14, stime 15, cutime 16, cstime 17 (reaped children's time).
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return { ppid: Number(fields[1]), ticks: utime + stime + cutime + cstime };
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** CPU seconds used so far by each process tree (the process, its descendants, and the children they reaped). */
export function cpuSecondsOfTrees(roots: Record<string, number | undefined>): Record<string, number> {
  const stats = new Map<number, Stat>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = statOf(pid);
    if (stat) stats.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const treeTicks = (pid: number): number =>
    (stats.get(pid)?.ticks ?? 0) + (children.get(pid) ?? []).reduce((sum, child) => sum + treeTicks(child), 0);
  return Object.fromEntries(
    Object.entries(roots).map(([name, pid]) => [name, pid === undefined ? 0 : treeTicks(pid) / ticksPerSecond]),
  );
}

/**
 * Runs `work` and returns its result with the CPU seconds each of the stack's process trees and this process (`bench`,
 * the clients) used meanwhile, and their sum; unrounded, so that sums over several runs stay exact (round to print).
 */
export async function withCpu<T>(
  stack: { cpuSeconds(): Record<string, number> },
  work: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number>; total: number }> {
  const before = stack.cpuSeconds();
  const ownBefore = process.cpuUsage();
  const result = await work();
  const own = process.cpuUsage(ownBefore);
  const after = stack.cpuSeconds();
  const cpu: Record<string, number> = { bench: (own.user + own.system) / 1e6 };
  for (const [name, seconds] of Object.entries(after)) cpu[name] = seconds - (before[name] ?? 0);
  return { result, cpu, total: Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0) };
}

/** Adds one reading of `withCpu` into a running sum, process by process. */
export function addCpu(into: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [name, seconds] of Object.entries(more)) into[name] = (into[name] ?? 0) + seconds;
  return into;
}

/** The processes that used a tenth of a second or more, busiest first, as "name seconds, …". */
export function describeCpu(cpu: Record<string, number>): string {
  return Object.entries(cpu)
    .filter(([, seconds]) => seconds >= 0.1)
    .sort(([, a], [, b]) => b - a)
    .map(([name, seconds]) => `${name} ${round(seconds, 1)}`)
    .join(', ');
}

/** CPU milliseconds per item, from seconds in all. */
export const perItem = (seconds: number, items: number) => round((seconds * 1000) / Math.max(1, items), 1);
