import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const voucherStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type VoucherStatus = (typeof voucherStatuses)[number];

/**
 * A local's claim for payable pay periods, sent to the reimbursing body (docs/design.md §3b); its lines are the
 * periods.
 */
@Entity({ name: 'vouchers' })
@Index(['programId', 'status'])
export class VoucherEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  programId: string;

  /** The local it is for; null: every local of the program. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  local: string | null;

  /** Pay periods ending on or before this day (YYYY-MM-DD, the program's calendar) are on it. */
  @Column({ type: 'varchar', length: 10 })
  through: string;

  @Column({ type: 'varchar', length: 16 })
  status: VoucherStatus;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** The lines as they were when it was built (amounts in minor units). */
  @Column({ type: 'jsonb' })
  lines: VoucherLine[];

  @Column({ type: 'bigint' })
  totalMinor: string;

  @Column({ type: 'varchar', length: 16 })
  reimbursedBy: string;

  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;
}

export interface VoucherLine {
  organizerId: string;
  /** The union's member number (absent on vouchers made before it was kept, and once the member is erased). */
  memberId?: string;
  name: string;
  local: string | null;
  periodStart: string;
  periodEnd: string;
  hours: number;
  rateMinor: number;
  amountMinor: number;
  /** Mileage and allowances together. */
  allowancesMinor: number;
  /** The mileage among them (absent on lines of periods approved before it was kept apart). */
  mileageMinor?: number;
}
