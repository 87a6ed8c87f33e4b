import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A required training an organizer completed; recorded once per training. */
@Entity({ name: 'trainings' })
export class TrainingEntity {
  @PrimaryColumn('uuid')
  organizerId: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  training: string;

  @Column({ type: 'timestamptz' })
  completedAt: Date;

  @Column({ type: 'varchar', length: 64 })
  recordedBy: string;
}
