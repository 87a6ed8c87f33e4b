// Pay periods and vouchers in the read models (docs/design.md §3b). The workflow writes a pay period until it is
// payable; from there on it is the vouchers': a voucher takes payable periods (each on at most one voucher that is not
// returned), its approval reimburses them, its return gives them back to payable.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Timesheet } from '../domain/pay';
import type { PayPeriodStatus, VoucherLine, VoucherStatus } from '../entities';
import { VoucherEntity } from '../entities';
import { type AuditEntry, AuditRepository } from './audit.repository';

/** A pay period as clients see it: hours as hours, money in minor units. */
export interface PayPeriodView {
  organizerId: string;
  name?: string;
  local?: string | null;
  periodStart: string;
  periodEnd: string;
  status: PayPeriodStatus;
  debriefStarts: string[];
  timesheet?: Timesheet;
  /** What the period's debriefs report, beside the time sheet's hours (absent while no debrief is in). */
  debriefHours?: number;
  hours?: number;
  paidHours?: number;
  rateMinor?: number;
  amountMinor?: number;
  allowancesMinor?: number;
  /** The mileage among the allowances (absent on periods approved before it was kept apart). */
  mileageMinor?: number;
  currency: string;
  approvedBy?: string;
  approvedAt?: string;
  voucherId?: string;
}

type Row = Record<string, any>;

/**
 * The hours the debriefs of pay period row `p` report (a SQL expression, `debrief_hours`): set beside the time sheet's
 * when a coordinator approves, so a difference between them is seen, not passed over.
 */
export const debriefHoursOf = (
  p: string,
) => `(SELECT sum(d.hours) FROM debriefs d WHERE d.organizer_id = ${p}.organizer_id
    AND d.period_start IN (SELECT s::timestamptz FROM jsonb_array_elements_text(${p}.debrief_starts) s)) AS debrief_hours`;

const iso = (value: Date | string) => new Date(value).toISOString();

/** A pay_periods row (snake case, from SQL or json_agg) as its view. */
export function payPeriodView(row: Row): PayPeriodView {
  return {
    organizerId: row.organizer_id,
    ...(row.name !== undefined ? { name: row.name, local: row.local ?? null } : {}),
    periodStart: iso(row.period_start),
    periodEnd: iso(row.period_end),
    status: row.status,
    debriefStarts: row.debrief_starts,
    ...(row.timesheet ? { timesheet: row.timesheet } : {}),
    ...(row.debrief_hours !== null && row.debrief_hours !== undefined
      ? { debriefHours: Number(row.debrief_hours) }
      : {}),
    ...(row.quarter_hours !== null && row.quarter_hours !== undefined
      ? {
          hours: row.quarter_hours / 4,
          paidHours: row.paid_quarter_hours / 4,
          rateMinor: row.rate_minor,
          amountMinor: Number(row.amount_minor),
          allowancesMinor: Number(row.allowances_minor),
          ...(row.mileage_minor !== null && row.mileage_minor !== undefined
            ? { mileageMinor: Number(row.mileage_minor) }
            : {}),
        }
      : {}),
    currency: row.currency,
    ...(row.approved_by ? { approvedBy: row.approved_by, approvedAt: iso(row.approved_at) } : {}),
    ...(row.voucher_id ? { voucherId: row.voucher_id } : {}),
  };
}

export interface VoucherView {
  id: string;
  programId: string;
  local: string | null;
  through: string;
  status: VoucherStatus;
  currency: string;
  reimbursedBy: string;
  lines: VoucherLine[];
  totalMinor: number;
  createdBy: string;
  createdAt: string;
  submittedAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  returnReason?: string;
}

function voucherView(v: VoucherEntity): VoucherView {
  return {
    id: v.id,
    programId: v.programId,
    local: v.local,
    through: v.through,
    status: v.status,
    currency: v.currency,
    reimbursedBy: v.reimbursedBy,
    lines: v.lines,
    totalMinor: Number(v.totalMinor),
    createdBy: v.createdBy,
    createdAt: iso(v.createdAt),
    ...(v.submittedAt ? { submittedAt: iso(v.submittedAt) } : {}),
    ...(v.decidedBy ? { decidedBy: v.decidedBy, decidedAt: iso(v.decidedAt!) } : {}),
    ...(v.returnReason ? { returnReason: v.returnReason } : {}),
  };
}

/** Why a voucher cannot be built or moved on: `none` → 422, `state` → 409. */
export class VoucherRefusal extends Error {
  constructor(
    readonly kind: 'none' | 'state',
    message: string,
  ) {
    super(message);
  }
}

@Injectable()
export class PayRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /** An organizer's pay periods not settled: a time sheet in, approved, or on a voucher not yet approved. */
  async unsettled(organizerId: string): Promise<{ periodStart: Date; periodEnd: Date; status: PayPeriodStatus }[]> {
    const rows: { period_start: Date; period_end: Date; status: PayPeriodStatus }[] = await this.dataSource.query(
      `SELECT period_start, period_end, status FROM pay_periods
        WHERE organizer_id = $1 AND status IN ('submitted', 'payable', 'vouchered') ORDER BY period_start`,
      [organizerId],
    );
    return rows.map((r) => ({ periodStart: r.period_start, periodEnd: r.period_end, status: r.status }));
  }

  async periods(programId: string, status?: PayPeriodStatus, limit = 500): Promise<PayPeriodView[]> {
    const rows = await this.dataSource.query(
      `SELECT p.*, o.name, o.local, ${debriefHoursOf('p')} FROM pay_periods p JOIN organizers o ON o.id = p.organizer_id
       WHERE p.program_id = $1 AND ($2::text IS NULL OR p.status = $2)
       ORDER BY p.period_start, o.name LIMIT $3`,
      [programId, status ?? null, limit],
    );
    return rows.map(payPeriodView);
  }

  /**
   * A voucher of the program's payable periods ending by `throughEnd` (for `local`, or every local): the periods
   * are taken under row locks, so of two built at once over the same periods one gets them and the other none. Its
   * audit entry (`audited`) commits with it.
   */
  async createVoucher(
    input: {
      programId: string;
      local?: string;
      through: string;
      throughEnd: Date;
      currency: string;
      reimbursedBy: string;
      createdBy: string;
    },
    audited: (voucher: VoucherView) => AuditEntry,
  ): Promise<VoucherView> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      // The voucher row first (its id is what the periods point to), then the periods it takes.
      await manager.insert(VoucherEntity, {
        id,
        programId: input.programId,
        local: input.local ?? null,
        through: input.through,
        status: 'draft',
        currency: input.currency,
        lines: [],
        totalMinor: '0',
        reimbursedBy: input.reimbursedBy,
        createdBy: input.createdBy,
        createdAt: new Date(),
      });
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [taken]: [Row[], number] = await manager.query(
        `UPDATE pay_periods p SET status = 'vouchered', voucher_id = $1
         FROM organizers o
         WHERE o.id = p.organizer_id AND p.program_id = $2 AND p.status = 'payable' AND p.voucher_id IS NULL
           AND p.period_end <= $3 AND ($4::text IS NULL OR o.local = $4)
         RETURNING p.*, o.name, o.local, o.member_id`,
        [id, input.programId, input.throughEnd, input.local ?? null],
      );
      if (taken.length === 0) {
        throw new VoucherRefusal(
          'none',
          `no payable pay period ends by ${input.through}${input.local ? ` in ${input.local}` : ''} that is not on a voucher already`,
        );
      }
      const lines: VoucherLine[] = taken
        .map((row) => {
          const p = payPeriodView(row);
          return {
            organizerId: p.organizerId,
            memberId: row.member_id,
            name: row.name,
            local: row.local ?? null,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            hours: p.paidHours ?? 0,
            rateMinor: p.rateMinor ?? 0,
            amountMinor: p.amountMinor ?? 0,
            allowancesMinor: p.allowancesMinor ?? 0,
            ...(p.mileageMinor !== undefined ? { mileageMinor: p.mileageMinor } : {}),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name) || a.periodStart.localeCompare(b.periodStart));
      const total = lines.reduce((sum, l) => sum + l.amountMinor + l.allowancesMinor, 0);
      await manager.update(VoucherEntity, { id }, { lines, totalMinor: String(total) });
      const voucher = voucherView((await manager.findOneByOrFail(VoucherEntity, { id }))!);
      await this.audit.record(audited(voucher), manager);
      return voucher;
    });
  }

  async voucher(id: string): Promise<VoucherView | undefined> {
    const found = await this.dataSource.getRepository(VoucherEntity).findOneBy({ id });
    return found ? voucherView(found) : undefined;
  }

  async vouchers(programId: string, status?: VoucherStatus): Promise<VoucherView[]> {
    const found = await this.dataSource
      .getRepository(VoucherEntity)
      .find({ where: { programId, ...(status ? { status } : {}) }, order: { createdAt: 'DESC' }, take: 200 });
    return found.map(voucherView);
  }

  /**
   * Moves a voucher from one of `from` to `to` (under a row lock, so two decisions at once cannot both happen), and
   * its periods with it: approved reimburses them, returned releases them to payable. Its audit entry (`audited`)
   * commits with it.
   */
  async moveVoucher(
    id: string,
    from: VoucherStatus[],
    to: VoucherStatus,
    by: string,
    reason: string | undefined,
    audited: (voucher: VoucherView) => AuditEntry,
  ): Promise<VoucherView> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const [voucher] = await manager.query('SELECT status FROM vouchers WHERE id = $1 FOR UPDATE', [id]);
      if (!voucher) throw new VoucherRefusal('none', `no voucher ${id}`);
      if (!from.includes(voucher.status))
        throw new VoucherRefusal(
          'state',
          `the voucher is ${voucher.status}; it can be ${verbs[to]} only when ${from.join(' or ')}`,
        );
      const now = new Date();
      if (to === 'submitted') await manager.update(VoucherEntity, { id }, { status: to, submittedAt: now });
      else
        await manager.update(
          VoucherEntity,
          { id },
          { status: to, decidedBy: by, decidedAt: now, returnReason: reason ?? null },
        );
      if (to === 'approved')
        await manager.query(`UPDATE pay_periods SET status = 'reimbursed' WHERE voucher_id = $1`, [id]);
      if (to === 'returned')
        await manager.query(`UPDATE pay_periods SET status = 'payable', voucher_id = NULL WHERE voucher_id = $1`, [id]);
      const moved = voucherView((await manager.findOneByOrFail(VoucherEntity, { id }))!);
      await this.audit.record(audited(moved), manager);
      return moved;
    });
  }
}

const verbs: Record<VoucherStatus, string> = {
  draft: 'drafted',
  submitted: 'submitted',
  approved: 'approved',
  returned: 'returned',
};
