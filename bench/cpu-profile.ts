// Where a piece of work in this process spends its CPU: a sampled profile (node:inspector) summed into a few
// categories that say what would have to change to make it cheaper.
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** What a sample was doing, judged from its own frame and the frames that called it. */
function categoryOf(frames: ProfileNode['callFrame'][]): string | undefined {
  const [self] = frames;
  if (self.functionName === '(idle)' || self.functionName === '(program)') return undefined;
  if (self.functionName === '(garbage collector)') return 'garbage collection';
  // Each activation enters the workflow's VM context through runInContext; its own time is V8's, not the code's.
  if (self.functionName === 'runInContext') return 'entering the workflow VM (runInContext itself)';
  if (['wrapSafe', 'compileFunction', 'Script'].includes(self.functionName)) return 'compiling code';
  // The SDK keeps a stack trace for every promise a workflow creates (for the __stack_trace query).
  if (frames.some((f) => f.url.includes('/worker/lib/workflow/vm-shared')))
    return 'the SDK recording a stack trace for each promise';
  if (self.url.includes('workflow-bundle')) return 'workflow code (ours and the SDK’s workflow library)';
  return 'the SDK worker, core bridge and the rest';
}

/** Runs `work` under the sampling profiler; returns its result and each category's share of the CPU samples, %. */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; shares: Record<string, number> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const { profile } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[] };
  };
  session.disconnect();
  if ('error' in outcome) throw outcome.error;
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const counts = new Map<string, number>();
  let total = 0;
  for (const id of profile.samples) {
    const frames: ProfileNode['callFrame'][] = [];
    for (let node = byId.get(id); node; node = parent.get(node.id)) frames.push(node.callFrame);
    const category = categoryOf(frames);
    if (!category) continue;
    counts.set(category, (counts.get(category) ?? 0) + 1);
    total += 1;
  }
  const shares = Object.fromEntries(
    [...counts].sort(([, a], [, b]) => b - a).map(([name, n]) => [name, Math.round((n / total) * 100)]),
  );
  return { result: outcome.value, shares };
}
