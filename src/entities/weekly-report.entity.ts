import type { GoalProgress } from '../domain/goals';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ReportedDebrief {
  organizerId: string;
  name: string;
  periodStart: string;
  /** The period's work plan against what its debrief reported, target by target (when a plan was set). */
  plan?: { target: string; planned: number; reported: number }[];
}

export interface ReportTotals {
  debriefs: number;
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
}

/** One program's week, as reported to national: who debriefed, who did not, and what the week added up to. */
@Entity({ name: 'weekly_reports' })
export class WeeklyReportEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  weekStart: Date;

  @Column({ type: 'timestamptz' })
  weekEnd: Date;

  @Column({ type: 'jsonb' })
  submitted: ReportedDebrief[];

  @Column({ type: 'jsonb' })
  missing: ReportedDebrief[];

  @Column({ type: 'jsonb' })
  totals: ReportTotals;

  /** Each goal's progress when the report ran. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  goals: GoalProgress[];

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
