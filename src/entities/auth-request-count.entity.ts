import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sign-in requests counted per key (an email address, a client address) in fixed windows, shared by every replica. */
@Entity({ name: 'auth_request_counts' })
export class AuthRequestCountEntity {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  count: number;
}
