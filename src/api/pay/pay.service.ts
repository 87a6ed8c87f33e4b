import { Injectable } from '@nestjs/common';
import { dayAfter, localDayOf, startOfLocalDay } from '../../domain/calendar';
import { mileageApart } from '../../domain/pay';
import type { PayPeriodStatus, VoucherStatus } from '../../entities';
import { PayRepository, VoucherRefusal } from '../../repositories/pay.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { AccessDeniedError, ConflictError, NotFoundError, RuleViolationError } from '../common/errors';
import { csvCell } from '../dashboard/dashboard.service';
import { ProgramsService } from '../programs/programs.service';
import { CreateVoucherDto, PayPeriodListDto, VoucherDto, VoucherListDto } from './pay.dto';

@Injectable()
export class PayService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly pay: PayRepository,
    private readonly access: AccessPolicy,
  ) {}

  async periods(programId: string, status: PayPeriodStatus | undefined, caller: Caller): Promise<PayPeriodListDto> {
    await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    return { items: await this.pay.periods(programId, status) };
  }

  /** The local's coordinator turns payable periods into a voucher; 422 when there are none to take. */
  async createVoucher(programId: string, input: CreateVoucherDto, caller: Caller): Promise<VoucherDto> {
    const program = await this.programs.find(programId);
    this.access.assertActOnProgram(caller, programId);
    const pay = program.policy.pay;
    if (!pay) throw new RuleViolationError('this program has no pay policy: it has nothing to voucher');
    try {
      return await this.pay.createVoucher(
        {
          programId,
          local: input.local,
          through: input.through,
          throughEnd: new Date(startOfLocalDay(dayAfter(input.through), program.timezone)),
          currency: pay.currency,
          reimbursedBy: pay.reimbursedBy,
          createdBy: caller.id,
        },
        (voucher) => ({
          actor: caller.id,
          programId,
          kind: 'voucher-created',
          subject: voucher.id,
          after: {
            local: voucher.local,
            through: voucher.through,
            lines: voucher.lines.length,
            total: voucher.totalMinor,
          },
        }),
      );
    } catch (error) {
      throw refusalError(error);
    }
  }

  async vouchers(programId: string, status: VoucherStatus | undefined, caller: Caller): Promise<VoucherListDto> {
    await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    return { items: await this.pay.vouchers(programId, status) };
  }

  async voucher(id: string, caller: Caller): Promise<VoucherDto> {
    const voucher = await this.pay.voucher(id);
    if (!voucher) throw new NotFoundError(`no voucher ${id}`);
    this.access.assertReadProgram(caller, voucher.programId);
    return voucher;
  }

  /**
   * One row per line (its total the amount, mileage and allowances), then the totals row, each figure in its own column, so a
   * column's lines add up to its total; amounts in the currency's units (12.34), periods as local days, people by
   * member number and name (a spreadsheet's reader never meets an id or an instant).
   */
  async voucherCsv(id: string, caller: Caller): Promise<string> {
    const v = await this.voucher(id, caller);
    const { timezone } = await this.programs.find(v.programId);
    // A period as the days it covers, in the program's zone: its end is the first instant after it.
    const firstDay = (start: string) => localDayOf(Date.parse(start), timezone);
    const lastDay = (end: string) => localDayOf(Date.parse(end) - 1, timezone);
    const money = (minor: number) => (minor / 100).toFixed(2);
    const lines = v.lines.map((l) => ({ ...l, ...mileageApart(l) }));
    const sum = (figure: (line: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + figure(l), 0);
    const rows: unknown[][] = [
      [
        'memberId',
        'name',
        'local',
        'firstDay',
        'lastDay',
        'hours',
        'rate',
        'amount',
        'mileage',
        'allowances',
        'total',
        'currency',
      ],
      ...lines.map((l) => [
        l.memberId ?? '',
        l.name,
        l.local ?? '',
        firstDay(l.periodStart),
        lastDay(l.periodEnd),
        l.hours,
        money(l.rateMinor),
        money(l.amountMinor),
        money(l.mileageMinor),
        money(l.otherAllowancesMinor),
        money(l.amountMinor + l.allowancesMinor),
        v.currency,
      ]),
      [
        '',
        'total',
        '',
        '',
        '',
        sum((l) => l.hours),
        '',
        money(sum((l) => l.amountMinor)),
        money(sum((l) => l.mileageMinor)),
        money(sum((l) => l.otherAllowancesMinor)),
        money(v.totalMinor),
        v.currency,
      ],
    ];
    return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** submit: the local's coordinator; approve and return: the reimbursing body's staff (national) or an admin. */
  async move(id: string, to: 'submitted' | 'approved' | 'returned', caller: Caller, reason?: string) {
    const voucher = await this.voucher(id, caller);
    if (to === 'submitted') this.access.assertActOnProgram(caller, voucher.programId);
    else if (caller.role !== 'national' && caller.role !== 'admin')
      throw new AccessDeniedError('only the reimbursing body (national staff) or an admin decides on a voucher');
    try {
      return await this.pay.moveVoucher(
        id,
        to === 'submitted' ? ['draft'] : ['submitted'],
        to,
        caller.id,
        reason,
        (moved) => ({
          actor: caller.id,
          programId: moved.programId,
          kind: `voucher-${to}`,
          subject: id,
          ...(reason ? { after: { reason } } : {}),
        }),
      );
    } catch (error) {
      throw refusalError(error);
    }
  }
}

function refusalError(error: unknown): unknown {
  if (!(error instanceof VoucherRefusal)) return error;
  return error.kind === 'none' ? new RuleViolationError(error.message) : new ConflictError(error.message);
}
