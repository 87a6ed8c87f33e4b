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
}

export function committedHistories(): { file: string; history: History }[] {
  return readdirSync(committedHistoriesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      history: historyFromJSON(JSON.parse(readFileSync(join(committedHistoriesDir, file), 'utf8'))) as History,
    }));
}
