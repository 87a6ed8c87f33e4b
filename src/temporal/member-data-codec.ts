// Members' personal data never travels readable through Temporal: every payload (workflow inputs and results, update
// and signal arguments, query results, activity inputs and results, heartbeat details, and failure messages, which
// the failure converter moves into an encoded payload) is encrypted with AES-256-GCM before it leaves the process.
// An organizer workflow's payloads use that organizer's own data key (DataKeyRepository), so erasing the member
// destroys them; other workflows' (reports, broadcasts, the reconciler) use the current PAYLOAD_KEYS key. Payloads
// written before the codec (plain JSON) are read as they are, so old histories still replay.
import { Injectable } from '@nestjs/common';
import type { DataConverter, Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DataKeyRepository, open, seal } from '../repositories/data-key.repository';

const encrypted = 'binary/encrypted';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ErasedPayloadError extends Error {}

@Injectable()
export class MemberDataCodec implements PayloadCodec {
  /** Whether members' keys may come from this process's cache (the workers' and API's own decoding). */
  protected readonly cachedKeys: boolean = true;

  constructor(protected readonly keys: DataKeyRepository) {}

  /**
   * The same codec reading every member's key from PostgreSQL each time: for the codec endpoint, which must stop
   * decoding an erased member's payloads the moment the erasure commits, whichever process erased them.
   */
  uncached(): MemberDataCodec {
    return new UncachedMemberDataCodec(this.keys);
  }

  /** The organizer a payload belongs to: the workflow (or the activity's workflow) when it is an organizer's. */
  private subjectOf(context: SerializationContext | undefined): string | undefined {
    const workflowId = context?.workflowId;
    return workflowId && uuid.test(workflowId) ? workflowId : undefined;
  }

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const subject = this.subjectOf(context);
    const master = this.keys.masterKey()!;
    const key = subject ? await this.keys.keyFor(subject) : master.key;
    return payloads.map((payload) => {
      if (payload.metadata?.encoding && decoder.decode(payload.metadata.encoding) === encrypted) return payload;
      const plain = Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish());
      return {
        metadata: {
          encoding: encoder.encode(encrypted),
          ...(subject
            ? { 'encryption-subject': encoder.encode(subject) }
            : { 'encryption-key-id': encoder.encode(master.id) }),
        },
        data: seal(key, plain),
      };
    });
  }

  /** Decodes from the payload's own metadata (no context needed, so the Web UI's codec endpoint can use it too). */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        const metadata = payload.metadata ?? {};
        if (!metadata.encoding || decoder.decode(metadata.encoding) !== encrypted) return payload;
        const subject = metadata['encryption-subject'] ? decoder.decode(metadata['encryption-subject']) : undefined;
        const key = subject
          ? await this.keys.existing(subject, this.cachedKeys)
          : this.keys.masterKey(decoder.decode(metadata['encryption-key-id'] ?? new Uint8Array()))?.key;
        if (!key) {
          throw new ErasedPayloadError(
            subject
              ? `the data of member ${subject} was erased: its key is destroyed`
              : 'the payload was encrypted with a key PAYLOAD_KEYS no longer holds',
          );
        }
        return temporal.api.common.v1.Payload.decode(open(key, Buffer.from(payload.data ?? new Uint8Array())));
      }),
    );
  }
}

class UncachedMemberDataCodec extends MemberDataCodec {
  protected override readonly cachedKeys = false;
}

/** Where the failure converter is (bundled with the workflows, loaded by the client). */
export const failureConverterPath = require.resolve('./failure-converter');

/** The data converter of every client and worker: the codec, and failure messages and stack traces encoded too. */
export function memberDataConverter(codec: MemberDataCodec): DataConverter {
  return { payloadCodecs: [codec], failureConverterPath };
}
