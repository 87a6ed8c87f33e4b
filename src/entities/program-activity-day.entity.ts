import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A program's debrief activity per UTC day of the periods' end, kept by a trigger on debriefs (migration
 * DashboardRollups): activity over a date range sums a few rows a day instead of every debrief.
 */
@Entity({ name: 'program_activity_days' })
export class ProgramActivityDayEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'integer', default: 0 })
  debriefs: number;

  @Column({ type: 'integer', default: 0 })
  lateDebriefs: number;

  @Column({ type: 'double precision', default: 0 })
  hours: number;

  @Column({ type: 'bigint', default: 0 })
  conversations: string;

  @Column({ type: 'bigint', default: 0 })
  oneOnOnes: string;

  @Column({ type: 'bigint', default: 0 })
  leadersIdentified: string;

  @Column({ type: 'integer', default: 0 })
  groupDebriefs: number;
}
