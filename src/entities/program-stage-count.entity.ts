import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many of a program's organizers are in each stage, with their hired, overdue and at-risk figures: kept by a
 * trigger on organizers (migration DashboardRollups), so the dashboard reads 13 rows a program, not every organizer.
 */
@Entity({ name: 'program_stage_counts' })
export class ProgramStageCountEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  stage: string;

  @Column({ type: 'integer', default: 0 })
  organizers: number;

  @Column({ type: 'integer', default: 0 })
  hired: number;

  @Column({ type: 'integer', default: 0 })
  overdueDebriefs: number;

  @Column({ type: 'integer', default: 0 })
  atRisk: number;
}
