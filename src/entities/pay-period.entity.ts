import { Column, Entity, Index } from 'typeorm';
import { OrganizerPeriodColumns } from './organizer-period.columns';
import type { Timesheet } from '../domain/pay';

export const payPeriodStatuses = ['open', 'submitted', 'payable', 'vouchered', 'reimbursed'] as const;
export type PayPeriodStatus = (typeof payPeriodStatuses)[number];

/**
 * One organizer's pay period (docs/design.md §3b). The workflow writes it while it is open, submitted and once payable
 * (then it leaves the workflow's state); vouchers move it on: vouchered, reimbursed, or back to payable if returned.
 */
@Entity({ name: 'pay_periods' })
@Index(['programId', 'status'])
@Index(['voucherId'])
export class PayPeriodEntity extends OrganizerPeriodColumns {
  @Column({ type: 'timestamptz' })
  periodEnd: Date;

  @Column({ type: 'varchar', length: 16 })
  status: PayPeriodStatus;

  /** When a missing time sheet is due, as the workflow set it (links and reminders read it, never recompute it). */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** Starts of the debrief periods it overlaps (its evidence with the time sheet). */
  @Column({ type: 'jsonb' })
  debriefStarts: string[];

  @Column({ type: 'jsonb', nullable: true })
  timesheet: Timesheet | null;

  /** Hours on the time sheet and those paid after caps, in quarter hours; money in minor units (once approved). */
  @Column({ type: 'integer', nullable: true })
  quarterHours: number | null;

  @Column({ type: 'integer', nullable: true })
  paidQuarterHours: number | null;

  @Column({ type: 'integer', nullable: true })
  rateMinor: number | null;

  @Column({ type: 'bigint', nullable: true })
  amountMinor: string | null;

  /** Mileage and allowances together. */
  @Column({ type: 'bigint', nullable: true })
  allowancesMinor: string | null;

  /** The mileage among them (absent on periods approved before it was kept apart). */
  @Column({ type: 'bigint', nullable: true })
  mileageMinor: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  voucherId: string | null;

  /** The organizer's version that wrote it: an older write never replaces a newer one. */
  @Column({ type: 'integer' })
  version: number;
}
