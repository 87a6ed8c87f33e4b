// The keys that encrypt what Temporal stores (PAYLOAD_KEYS): `id:base64` entries, 32 bytes each, the first current.
// New payloads and new data keys use the current key; the others still decrypt what they wrote (rotation).
export interface PayloadKeys {
  /** The id of the key new payloads and data keys are encrypted with. */
  current: string;
  keys: Map<string, Buffer>;
}

export class PayloadKeysError extends Error {}

/** The configured keys do not match the data already written (a wrong key under an id, or one missing). */
export class PayloadKeyMismatchError extends Error {}

/** Parses PAYLOAD_KEYS; a missing or malformed value is an error that names the setting and the problem. */
export function parsePayloadKeys(raw: string | undefined): PayloadKeys {
  if (!raw) {
    throw new PayloadKeysError(
      'PAYLOAD_KEYS is required: the keys that encrypt members\' data in Temporal, as "id:base64-of-32-bytes" entries, the current first ' +
        '(npm start generates one in the data folder; openssl rand -base64 32 makes one)',
    );
  }
  const keys = new Map<string, Buffer>();
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new PayloadKeysError(
        `PAYLOAD_KEYS: "${entry.slice(0, 12)}…" is not "id:base64-key" (an id of letters, digits, - or _)`,
      );
    if (key.length !== 32)
      throw new PayloadKeysError(
        `PAYLOAD_KEYS: key ${id} is ${key.length} bytes; AES-256 needs 32 (base64 of 32 random bytes)`,
      );
    if (keys.has(id)) throw new PayloadKeysError(`PAYLOAD_KEYS: key ${id} is given twice`);
    keys.set(id, key);
  }
  if (!keys.size) throw new PayloadKeysError('PAYLOAD_KEYS holds no key');
  return { current: keys.keys().next().value!, keys };
}
