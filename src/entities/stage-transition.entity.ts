import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Stage } from '../domain/stages';

/** One row of an organizer's history; (organizer, seq) is its key, so a retried projection adds nothing. */
@Entity({ name: 'stage_transitions' })
export class StageTransitionEntity {
  @PrimaryColumn('uuid')
  organizerId: string;

  @PrimaryColumn('integer')
  seq: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStage: Stage | null;

  @Column({ type: 'varchar', length: 16 })
  toStage: Stage;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** The user's id, or `system` for timers. */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
