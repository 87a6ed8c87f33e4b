import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.testStack;
  if (!stack) return;
  await Promise.all(stack.processes.map((p) => p.stop()));
  rmSync(stack.scratch, { recursive: true, force: true });
}
