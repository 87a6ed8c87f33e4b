// The Temporal CLI asking an organizer's workflow for its state through a codec endpoint, as an operator would.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export function queryStateWithCli(
  namespace: string,
  workflowId: string,
  codecUrl: string,
  extra: string[] = [],
): SpawnSyncReturns<string> {
  const cli = process.env.TEMPORAL_CLI_PATH;
  if (!cli) throw new Error('no Temporal CLI: the test stack provides one (TEMPORAL_CLI, PATH or built with go)');
  const args = ['workflow', 'query', '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', namespace];
  args.push('--workflow-id', workflowId, '--name', 'organizerState', '--codec-endpoint', codecUrl, ...extra);
  return spawnSync(cli, [...args, '--output', 'json'], { encoding: 'utf8', timeout: 30_000 });
}
