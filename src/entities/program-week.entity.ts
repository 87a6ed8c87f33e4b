import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A program's figures per week and Local, kept exact by triggers on the records they count (migration WeeklyTrends),
 * in the transaction that writes them. `week` names the program week (src/domain/trends.ts): its local Monday
 * (YYYY-MM-DD), or the start instant of a debrief period where periods count as weeks. Figures that are states
 * rather than events (at risk) are kept as the week's net change; the week's end state is their running sum.
 */
@Entity({ name: 'program_weeks' })
export class ProgramWeekEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  week: string;

  /** The organizers' Local ('' when none is recorded). */
  @PrimaryColumn({ type: 'varchar', length: 100, default: '' })
  local: string;

  @Column({ type: 'integer', default: 0 })
  applications: number;

  @Column({ type: 'integer', default: 0 })
  hires: number;

  @Column({ type: 'integer', default: 0 })
  atRiskChange: number;

  /** Debriefs whose period ended in the week, by what became of them. */
  @Column({ type: 'integer', default: 0 })
  debriefsOnTime: number;

  @Column({ type: 'integer', default: 0 })
  debriefsLate: number;

  /** Not submitted, still within the grace. */
  @Column({ type: 'integer', default: 0 })
  debriefsPending: number;

  /** Not submitted, grace over. */
  @Column({ type: 'integer', default: 0 })
  debriefsMissing: number;

  @Column({ type: 'double precision', default: 0 })
  hours: number;

  @Column({ type: 'integer', default: 0 })
  conversations: number;

  @Column({ type: 'integer', default: 0 })
  oneOnOnes: number;

  @Column({ type: 'integer', default: 0 })
  leadersIdentified: number;

  @Column({ type: 'integer', default: 0 })
  rideAlongs: number;

  /** Pay approved in the week (amounts, allowances and mileage), in the program's currency's minor units. */
  @Column({ type: 'bigint', default: 0 })
  payApprovedMinor: string;
}

/** A program's moves into (+) and out of (−) each stage per week and Local; people in a stage at a week's end are their running sum. */
@Entity({ name: 'program_stage_weeks' })
export class ProgramStageWeekEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  week: string;

  @PrimaryColumn({ type: 'varchar', length: 100, default: '' })
  local: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  stage: string;

  @Column({ type: 'integer', default: 0 })
  moves: number;
}

/**
 * A schedule of weeks a program had before its current one (migration ProgramWeekEras): from `since` until `until`,
 * its weeks were those of this time zone and period length (null: local calendar weeks). Records of an instant in it
 * are counted in its weeks; the current schedule runs from the program's `weeksSince`.
 */
@Entity({ name: 'program_week_eras' })
export class ProgramWeekEraEntity {
  @PrimaryColumn('uuid')
  programId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  until: Date;

  @Column({ type: 'timestamptz' })
  since: Date;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'integer', nullable: true })
  periodWeekMs: number | null;
}

/**
 * A stay in a stage, kept as it ends (migration StageStays): the transition that moved the person out of `stage` (its
 * `seq`), the hours since the one that moved them in, and the program week and Local it ended in. Triggers keep it
 * exact as transitions are written, corrected or moved; the weekly series' median hours in a stage are over these.
 */
@Entity({ name: 'stage_stays' })
@Index(['programId', 'week'])
export class StageStayEntity {
  @PrimaryColumn('uuid')
  organizerId: string;

  @PrimaryColumn('integer')
  seq: number;

  @Column('uuid')
  programId: string;

  @Column({ type: 'varchar', length: 32 })
  week: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  local: string;

  @Column({ type: 'varchar', length: 16 })
  stage: string;

  @Column({ type: 'double precision' })
  hours: number;
}
