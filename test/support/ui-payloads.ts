// A workflow's input as Temporal's Web UI sends it to a codec endpoint: protobuf JSON, metadata and data in base64,
// read from the raw history (no codec on the client).
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';

export interface UiPayload {
  metadata: Record<string, string>;
  data: string;
}

/** The payloads of the workflow's start event, as the UI would post them to `/decode`. */
export async function startPayloadsForUi(connection: ConnectionOptions, workflowId: string): Promise<UiPayload[]> {
  const raw = new Client({ connection: await Connection.connect(connection) });
  try {
    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    return history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads!.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(payload.data!).toString('base64'),
    }));
  } finally {
    await raw.connection.close();
  }
}
