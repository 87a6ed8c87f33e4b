import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MemberLanguage } from '../domain/languages';
import type { EligibilityProblem } from '../domain/organizer';
import type { OrganizerSnapshot } from '../domain/snapshot';
import type { Stage } from '../domain/stages';

/**
 * An organizer as the workflow last projected it (the workflow is the source of truth). `version` only grows: an
 * older projection never overwrites a newer one.
 */
@Entity({ name: 'organizers' })
@Index(['programId', 'memberId'], { unique: true })
@Index(['programId', 'stage'])
@Index(['programId', 'appliedAt'])
@Index('organizers_at_risk', ['programId'], { where: 'at_risk' })
@Index('organizers_overdue', ['programId'], { where: 'overdue_debriefs > 0' })
export class OrganizerEntity {
  /** Also the workflow ID: derived from program and member, but opaque. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  programId: string;

  @Column({ type: 'varchar', length: 64 })
  memberId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  local: string | null;

  /** The language they read (every email and page for them), and the ones they speak. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  preferredLanguage: MemberLanguage;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'varchar', length: 16 })
  stage: Stage;

  @Column({ type: 'timestamptz' })
  stageEnteredAt: Date;

  @Column({ type: 'timestamptz' })
  appliedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  hiredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  activeSince: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'boolean', default: false })
  paused: boolean;

  @Column({ type: 'boolean', default: false })
  atRisk: boolean;

  @Column({ type: 'integer', default: 0 })
  overdueDebriefs: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextDebriefDueAt: Date | null;

  /** When the coordinator is reminded that the person is still in their stage, as the workflow set it. */
  @Column({ type: 'timestamptz', nullable: true })
  stageDueAt: Date | null;

  /** Until when the last hiring step may be undone, as the workflow set it (null: none to undo). */
  @Column({ type: 'timestamptz', nullable: true })
  undoUntil: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  flags: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  ineligibleReasons: string[];

  /** Why it is ineligible, each failing answer or roster fact (empty for records from before). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  ineligibility: EligibilityProblem[];

  @Column({ type: 'jsonb', nullable: true })
  screening: OrganizerSnapshot['screening'];

  @Column({ type: 'jsonb', nullable: true })
  offer: OrganizerSnapshot['offer'];

  @Column({ type: 'jsonb', nullable: true })
  rolePlay: OrganizerSnapshot['rolePlay'];

  @Column({ type: 'integer', default: 0 })
  rideAlongCount: number;

  @Column({ type: 'jsonb' })
  totals: OrganizerSnapshot['totals'];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  pendingDebriefPeriods: OrganizerSnapshot['pendingDebriefPeriods'];

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'timestamptz' })
  projectedAt: Date;

  /** When the member's personal data was erased (the figures stay, under this anonymous record). */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
