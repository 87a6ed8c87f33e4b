import type { Client } from '@temporalio/client';

/**
 * Runs `meanwhile` once the next describe() of a workflow (a handle without a run id) has been answered, before its
 * caller goes on: the interleaving two requests sent at once can take. Returns a restore for a describe never made.
 */
export function afterNextDescribe(client: Client, workflowId: string, meanwhile: () => Promise<void>): () => void {
  const workflows = client.workflow;
  const getHandle = workflows.getHandle.bind(workflows);
  const spy = jest.spyOn(workflows, 'getHandle').mockImplementation((...args) => {
    const handle = getHandle(...args);
    if (args[0] !== workflowId || args[1]) return handle;
    const describe = handle.describe.bind(handle);
    handle.describe = async () => {
      const described = await describe();
      spy.mockRestore();
      await meanwhile();
      return described;
    };
    return handle;
  });
  return () => spy.mockRestore();
}
