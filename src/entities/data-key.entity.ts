import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A member's own data key, wrapped (encrypted) with one of the PAYLOAD_KEYS: it encrypts what Temporal stores about
 * them. Erasing the member deletes this row, and their payloads in Temporal can never be read again.
 */
@Entity({ name: 'data_keys' })
export class DataKeyEntity {
  /** Whose key: an organizer id. */
  @PrimaryColumn('uuid')
  subject: string;

  /** The PAYLOAD_KEYS id that wraps it. */
  @Column({ type: 'varchar', length: 32 })
  keyId: string;

  /** IV, authentication tag and encrypted key. */
  @Column({ type: 'bytea' })
  wrapped: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A check value per PAYLOAD_KEYS id, so a process started with a different key under the same id refuses to run. */
@Entity({ name: 'payload_keys' })
export class PayloadKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  keyId: string;

  @Column({ type: 'varchar', length: 64 })
  check: string;
}
