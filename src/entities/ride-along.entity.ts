import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ride-along with staff; the key (date and staff) makes a repeat count once. */
@Entity({ name: 'ride_alongs' })
export class RideAlongEntity {
  @PrimaryColumn('uuid')
  organizerId: string;

  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'varchar', length: 40 })
  date: string;

  @Column({ type: 'varchar', length: 200 })
  staff: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 64 })
  recordedBy: string;
}
