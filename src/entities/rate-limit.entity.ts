import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A limited key's hits within its window (a sliding log), shared by every API replica. */
@Entity({ name: 'rate_limits' })
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key: string;

  @Column({ type: 'timestamptz', array: true })
  hits: Date[];

  /** When its last hit leaves the window: a row past it is swept. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
