// The recorded AFT term that #7 counts and #8 replays.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type History, historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { projectRoot } from '../dev/stack/settings';

/** One run's history, as replay takes it. */
export type RecordedRun = { workflowId: string; history: History };

/**
 * The runs of the newest recorded AFT term (test/replay/histories keeps older recordings beside it, `aft-year`,
 * `aft-year-2`, …, so that they keep being replayed).
 */
export function latestRecordedTerm(): RecordedRun[] {
  const dir = join(projectRoot, 'test', 'replay', 'histories');
  const recording = (file: string) => Number(/^aft-year(?:-(\d+))?\.run-\d+\.json$/.exec(file)?.[1] ?? 1);
  const files = readdirSync(dir).filter((f) => f.startsWith('aft-year'));
  const newest = Math.max(...files.map(recording));
  const runNumber = (file: string) => Number(/\.run-(\d+)\.json$/.exec(file)![1]);
  return files
    .filter((f) => recording(f) === newest)
    .sort((a, b) => runNumber(a) - runNumber(b))
    .map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));
}
