import { Column, Entity, Index } from 'typeorm';
import { OrganizerPeriodColumns } from './organizer-period.columns';

/** A weekly debrief; one per organizer and period. */
@Entity({ name: 'debriefs' })
@Index(['programId', 'periodStart'])
@Index(['programId', 'periodEnd'])
export class DebriefEntity extends OrganizerPeriodColumns {
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
