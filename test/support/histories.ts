import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

export const committedHistoriesDir = resolve(__dirname, '..', 'replay', 'histories');
export const outputDir = resolve(__dirname, '..', '..', 'test-output');

export interface RecordedRun {
  runId: string;
  history: History;
}

/** Every run of a workflow, first to last, following continue-as-new. */
export async function runChain(client: Client, workflowId: string, firstRunId: string): Promise<RecordedRun[]> {
  const runs: RecordedRun[] = [];
  for (let runId: string | undefined = firstRunId; runId;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push({ runId, history });
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

/** Keeps the histories of a test under test-output/ and, with RECORD_HISTORIES=1, as committed fixtures. */
export function saveHistories(name: string, runs: RecordedRun[]): void {
  const targets = [join(outputDir, 'histories')];
  if (process.env.RECORD_HISTORIES === '1') targets.push(committedHistoriesDir);
  for (const dir of targets) {
    mkdirSync(dir, { recursive: true });
    runs.forEach((run, i) =>
      writeFileSync(join(dir, `${name}.run-${i + 1}.json`), historyToJSON(run.history as never) + '\n'),
    );
  }
  // Recorded histories say which path and patches recorded them.
  if (process.env.RECORD_HISTORIES === '1')
    writeFileSync(manifestFile, JSON.stringify(manifestOf(committedHistories()), null, 2) + '\n');
}

/** Which path of the organizer workflow and which patches recorded each committed history (`manifest.json`). */
export const manifestFile = join(committedHistoriesDir, 'manifest.json');
export type Manifest = Record<string, { path: 'v1' | 'v2'; patches: string[] }>;

/** The patches a history's markers name, in the order they were first recorded. */
export function patchesIn(history: History): string[] {
  const ids: string[] = [];
  for (const event of history.events ?? []) {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') continue;
    const payload = marker.details?.['patch-data']?.payloads?.[0];
    const { id } = JSON.parse(Buffer.from(payload?.data ?? []).toString('utf8')) as { id: string };
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The manifest of the committed histories as they are: the current path is the one behind committed-projections. */
export function manifestOf(histories: { file: string; history: History }[]): Manifest {
  return Object.fromEntries(
    histories.map(({ file, history }) => {
      const patches = patchesIn(history);
      return [file, { path: patches.includes('committed-projections') ? 'v2' : 'v1', patches }];
    }),
  );
}

export function committedHistories(): { file: string; history: History }[] {
  return readdirSync(committedHistoriesDir)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .sort()
    .map((file) => ({
      file,
      history: historyFromJSON(JSON.parse(readFileSync(join(committedHistoriesDir, file), 'utf8'))) as History,
    }));
}
