// Members' data keys (envelope encryption): each organizer's payloads in Temporal are encrypted with a key of their
// own, kept here wrapped with one of the PAYLOAD_KEYS. Deleting it (erasure) makes those payloads unreadable for good.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/configuration';
import { PayloadKeyMismatchError, type PayloadKeys } from '../config/payload-keys';
import { databaseUnavailable } from './database-unavailable';

const cacheMs = 60_000;
/** How long a key read waits for a database that is away (a worker's task waits with it) before it fails. */
const awayWaitMs = 60_000;
/** The channel on which a destroyed key's subject is announced to every process (PostgreSQL LISTEN/NOTIFY). */
const destroyedChannel = 'data_key_destroyed';
const ivBytes = 12;
const tagBytes = 16;

/** AES-256-GCM: IV, then the authentication tag, then the ciphertext. */
export function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

export function open(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, ivBytes));
  decipher.setAuthTag(sealed.subarray(ivBytes, ivBytes + tagBytes));
  return Buffer.concat([decipher.update(sealed.subarray(ivBytes + tagBytes)), decipher.final()]);
}

const checkOf = (key: Buffer) => createHmac('sha256', key).update('organizer-pipeline payload key check').digest('hex');

@Injectable()
export class DataKeyRepository implements OnModuleInit, OnModuleDestroy {
  /**
   * Keys read recently, kept a minute (workflows keep running through a PostgreSQL outage on them). A key destroyed by
   * any process (an erasure) leaves every cache the moment it commits, so no stale key encrypts or decrypts anywhere
   * (a member erased and applying again gets a new key under the same id); a process whose notices stopped checks its
   * cache against the table once it hears them again.
   */
  private readonly cache = new Map<string, { key: Buffer; at: number }>();
  private readonly keys: PayloadKeys;
  private readonly databaseUrl: string;
  private listener: Client | undefined;
  private stopped = false;
  /** Whether a key never read waits for a database that is away (a worker's tasks), rather than failing at once. */
  private waitWhileAway = false;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.keys = config.payloadKeys;
    this.databaseUrl = config.databaseUrl;
  }

  onModuleInit(): void {
    void this.listen();
  }

  /**
   * A worker's keys wait out a restart of the database: a task must not fail, nor its failure's encoding stop the
   * worker, for one. An API answers at once instead (503).
   */
  waitForTheDatabase(): void {
    this.waitWhileAway = true;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** Listens for destroyed keys, reconnecting after a lost connection and then dropping what was destroyed meanwhile. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1_000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.payload) this.cache.delete(message.payload);
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${destroyedChannel}`);
      const cached = [...this.cache.keys()];
      const { rows } = await client.query<{ subject: string }>(
        'SELECT subject FROM data_keys WHERE subject = ANY ($1::uuid[])',
        [cached],
      );
      const kept = new Set(rows.map((r) => r.subject));
      for (const subject of cached) if (!kept.has(subject)) this.cache.delete(subject);
    } catch {
      lost();
    }
  }

  /** A PAYLOAD_KEYS key by id (the current one when none is named); undefined when it is not configured. */
  masterKey(id: string = this.keys.current): { id: string; key: Buffer } | undefined {
    const key = this.keys.keys.get(id);
    return key ? { id, key } : undefined;
  }

  /**
   * At start: every configured key must be the one its id stood for when it first wrapped data (a wrong key under the
   * same id refuses to run), and every key that wraps a data key must still be configured.
   */
  async checkKeys(): Promise<void> {
    for (const [id, key] of this.keys.keys) {
      await this.dataSource.query('INSERT INTO payload_keys (key_id, "check") VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        id,
        checkOf(key),
      ]);
      const [row] = await this.dataSource.query('SELECT "check" FROM payload_keys WHERE key_id = $1', [id]);
      if (row.check !== checkOf(key)) {
        throw new PayloadKeyMismatchError(
          `PAYLOAD_KEYS key ${id} is not the key that id stood for when data was written with it`,
        );
      }
    }
    const used: { key_id: string }[] = await this.dataSource.query('SELECT DISTINCT key_id FROM data_keys');
    const missing = used.map((r) => r.key_id).filter((id) => !this.keys.keys.has(id));
    if (missing.length)
      throw new PayloadKeyMismatchError(
        `PAYLOAD_KEYS lacks key ${missing.join(', ')}, which members' data keys are wrapped with`,
      );
  }

  /** The subject's data key, created (wrapped with the current key) the first time it is needed. */
  async keyFor(subject: string): Promise<Buffer> {
    const known = await this.existing(subject);
    if (known) return known;
    const current = this.masterKey()!;
    const fresh = randomBytes(32);
    await this.dataSource.query(
      'INSERT INTO data_keys (subject, key_id, wrapped, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING',
      [subject, current.id, seal(current.key, fresh)],
    );
    // Another process may have created it first: whichever row is stored is the key.
    return (await this.existing(subject))!;
  }

  /**
   * The subject's data key, or undefined when it has none (never had, or was erased); `cached: false` reads it from
   * PostgreSQL even when this process read it recently.
   */
  async existing(subject: string, cached = true): Promise<Buffer | undefined> {
    const recent = cached ? this.cache.get(subject) : undefined;
    if (recent && Date.now() - recent.at < cacheMs) return recent.key;
    let rows: { key_id: string; wrapped: Buffer }[];
    for (const waitUntil = Date.now() + awayWaitMs; ;) {
      try {
        rows = await this.dataSource.query('SELECT key_id, wrapped FROM data_keys WHERE subject = $1', [subject]);
        break;
      } catch (error) {
        if (!databaseUnavailable(error) || !cached) throw error;
        // While the database is away a key read before stands (no erasure commits meanwhile), and a worker waits for
        // one never read.
        if (recent) return recent.key;
        if (!this.waitWhileAway || this.stopped || Date.now() >= waitUntil) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const [row] = rows;
    if (!row) {
      this.cache.delete(subject);
      return undefined;
    }
    const master = this.masterKey(row.key_id);
    if (!master)
      throw new PayloadKeyMismatchError(`PAYLOAD_KEYS lacks key ${row.key_id}, which wraps a member's data key`);
    const key = open(master.key, row.wrapped);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(subject, { key, at: Date.now() });
    return key;
  }

  /**
   * Retiring a PAYLOAD_KEYS key: every data key it wraps is wrapped again with the current key (each row a
   * compare-and-set on the key it was read under, so it is safe while the system runs). Returns how many moved.
   */
  async rewrapFrom(retiring: string): Promise<number> {
    const from = this.masterKey(retiring);
    const to = this.masterKey()!;
    if (!from)
      throw new PayloadKeyMismatchError(`PAYLOAD_KEYS lacks key ${retiring}: nothing can be unwrapped with it`);
    if (from.id === to.id)
      throw new PayloadKeyMismatchError(
        `key ${retiring} is the current key: put the key replacing it first in PAYLOAD_KEYS`,
      );
    let moved = 0;
    for (;;) {
      const rows: { subject: string; wrapped: Buffer }[] = await this.dataSource.query(
        'SELECT subject, wrapped FROM data_keys WHERE key_id = $1 LIMIT 500',
        [from.id],
      );
      if (!rows.length) return moved;
      for (const row of rows) {
        // TypeORM answers an UPDATE with [rows, affected].
        const [, affected]: [unknown[], number] = await this.dataSource.query(
          'UPDATE data_keys SET key_id = $2, wrapped = $3 WHERE subject = $1 AND key_id = $4',
          [row.subject, to.id, seal(to.key, open(from.key, row.wrapped)), from.id],
        );
        moved += affected;
      }
    }
  }

  /**
   * Destroys the subject's data key: what it encrypted can no longer be read, here or anywhere. Every process hears of
   * it when the deletion commits (one statement, so the notice and the deletion commit together).
   */
  async destroy(subject: string): Promise<void> {
    await this.dataSource.query(
      `WITH destroyed AS (DELETE FROM data_keys WHERE subject = $1) SELECT pg_notify('${destroyedChannel}', $1::text)`,
      [subject],
    );
    this.cache.delete(subject);
  }
}
