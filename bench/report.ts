// The run's rows: which scenarios are wanted (BENCH_ONLY), each row logged as it is recorded, and at the end the
// table and the JSON report.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../dev/stack/settings';
import { round } from './stats';
import { onPostgres } from './bench-stack';

export interface Row {
  /** The row's number in the table: the scenario's (BENCH_ONLY picks scenarios by theirs), or a part of it (3b, 11.1). */
  id: number | string;
  name: string;
  figures: Record<string, number>;
  baseline: Record<string, number>;
  ratios: Record<string, number>;
  target: string;
  met: boolean;
  note?: string;
  /** When an earlier run of the same day measured it (a row kept in the PostgreSQL-backed server's file). */
  measuredAt?: string;
}

const rows: Row[] = [];
export const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean).map(Number);
export const wanted = (id: number) => only.length === 0 || only.includes(id);

export function record(row: Row): void {
  rows.push(row);
  log(
    `#${row.id} ${row.name}: ${JSON.stringify(row.figures)} vs ${JSON.stringify(row.baseline)} → ${JSON.stringify(row.ratios)} (${row.met ? 'met' : 'MISSED'}: ${row.target})`,
  );
}

/** Writes the JSON report of the rows recorded, and prints their table; `started` is when the run began. */
export function writeReport(started: number): void {
  const report = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    temporal: onPostgres ? 'server v1.29.1 on PostgreSQL' : 'dev server v1.29.1 (CLI v1.5.1, SQLite)',
    durationSeconds: round((Date.now() - started) / 1000, 0),
    rows,
  };
  // A full run is the record (bench/results, committed), as is a run on the PostgreSQL-backed server (it runs the rows
  // the dev server's SQLite bounds); another partial one (BENCH_ONLY) stays in test-output.
  const partial = only.length > 0 && !onPostgres;
  const dir = partial ? join(projectRoot, 'test-output') : join(projectRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${partial ? 'bench-partial-' : ''}${report.date.slice(0, 10)}-${report.machine.cores}cores${onPostgres ? '-temporal-postgres' : ''}.json`,
  );
  // The PostgreSQL-backed server runs a few rows at a time: the day's file keeps the rows an earlier run measured and
  // this one did not, each saying when.
  if (onPostgres && existsSync(file)) {
    const earlier = JSON.parse(readFileSync(file, 'utf8')) as { date: string; rows: Row[] };
    const kept = earlier.rows
      .filter((row) => !rows.some((r) => r.id === row.id))
      .map((row) => ({ ...row, measuredAt: row.measuredAt ?? earlier.date }));
    report.rows = [...rows, ...kept].sort((a, b) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }));
  }
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`\n${table(rows)}\n\nreport: ${file} (${report.durationSeconds} s)\n`);
}

function table(results: Row[]): string {
  const fmt = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const lines = ['| # | measurement | ours | baseline | ratio | target | met |', '|---|---|---|---|---|---|---|'];
  for (const r of results)
    lines.push(
      `| ${r.id} | ${r.name} | ${fmt(r.figures)} | ${fmt(r.baseline) || '—'} | ${fmt(r.ratios) || '—'} | ${r.target} | ${r.met ? 'yes' : 'no'}${r.note ? ` (${r.note})` : ''} |`,
    );
  return lines.join('\n');
}
