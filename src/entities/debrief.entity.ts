import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A weekly debrief; one per organizer and period. */
@Entity({ name: 'debriefs' })
@Index(['programId', 'periodStart'])
@Index(['programId', 'periodEnd'])
export class DebriefEntity {
  @PrimaryColumn('uuid')
  organizerId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  periodStart: Date;

  @Column('uuid')
  programId: string;

  @Column({ type: 'timestamptz' })
  periodEnd: Date;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 64 })
  submittedBy: string;

  @Column({ type: 'boolean' })
  late: boolean;

  @Column({ type: 'double precision' })
  hours: number;

  @Column({ type: 'integer' })
  conversations: number;

  @Column({ type: 'integer' })
  oneOnOnes: number;

  @Column({ type: 'integer' })
  leadersIdentified: number;

  @Column({ type: 'boolean' })
  inPerson: boolean;

  /** An in-person group debrief (the column avoids the reserved word `group`). */
  @Column({ type: 'boolean' })
  groupDebrief: boolean;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The program's own counts (policy.debriefMetrics), by name. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  metrics: Record<string, number>;
}
