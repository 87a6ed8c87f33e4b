import type { Goal } from '../domain/goals';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProgramKind, ProgramPolicy } from '../domain/policy';

/** A member organizer program: reference data, not process state. */
@Entity({ name: 'programs' })
export class ProgramEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  affiliate: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ProgramKind;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'timestamptz' })
  termStart: Date;

  @Column({ type: 'timestamptz', nullable: true })
  termEnd: Date | null;

  /** Typed goals (a list); rows written before them hold the old object form, read through `goalsOf`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  goals: Goal[] | Record<string, number | string | boolean>;

  @Column({ type: 'jsonb' })
  policy: ProgramPolicy;

  /** Who at national receives the weekly report. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  nationalContactEmail: string | null;

  /**
   * How long a program week lasts where the debrief periods count as weeks (src/domain/trends.ts `periodWeekMs`);
   * null: local calendar weeks. Kept from the policy by the repository, read by the weekly series' triggers.
   */
  @Column({ type: 'integer', nullable: true })
  periodWeekMs: number | null;

  /**
   * Since when the program's weeks are as `timezone` and `periodWeekMs` say (a change of either starts new weeks from
   * then on; the weeks before are its eras, ProgramWeekEraEntity). Set by a trigger (migration ProgramWeekEras).
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  weeksSince: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
