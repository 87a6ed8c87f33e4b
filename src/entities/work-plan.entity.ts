import { Column, Entity } from 'typeorm';
import { OrganizerPeriodColumns } from './organizer-period.columns';

/**
 * A week's work plan (docs/design.md §3b): what the organizer aims for in one debrief period, set before its debrief.
 */
@Entity({ name: 'work_plans' })
export class WorkPlanEntity extends OrganizerPeriodColumns {
  /** Targets by name: hours, conversations, oneOnOnes, leadersIdentified, or one of the program's own counts. */
  @Column({ type: 'jsonb' })
  targets: Record<string, number>;

  /** The worksites or people to reach. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 64 })
  setBy: string;

  @Column({ type: 'timestamptz' })
  setAt: Date;

  /** The organizer's version that set it: a plan set again replaces it, an older write never does. */
  @Column({ type: 'integer' })
  version: number;
}
