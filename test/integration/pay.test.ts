// Pay over HTTP (issue 18), against a real Temporal and PostgreSQL: an organizer's time sheet (their own token), the
// coordinator's approval (refused, naming what is missing, until the period is over with its debrief), the program's
// pay periods by status, and vouchers: two built at once over the same periods (one wins), submitted, returned
// (periods payable again), built again and approved (reimbursed once). Bad money and hours are 400 naming the field;
// refusals change nothing.
import { localDateTime, localDayOf } from '../../src/domain/calendar';
import { payPresets } from '../../src/domain/pay';
import { ApiClient, footprint, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { unreadable } from '../support/unreadable';
import { withAuditRefused } from '../support/audit-refusal';

describe('pay: time sheets, approval and vouchers', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aFastPolicy({
        debriefEvery: '8 seconds',
        debriefGrace: '60 seconds',
        escalateAfter: '60 seconds',
        pay: { ...payPresets.member_organizer, rateMinor: 2250, mileageRateMinor: 67, approveWithin: '1 hour' },
      }),
    ));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  // The program's local day: UTC's is a day ahead of the Americas' each evening.
  const today = () => localDayOf(Date.now(), program.timezone);

  it('takes a time sheet, approves a complete period, and vouchers it once', async () => {
    const coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    const national = admin.as((await admin.createUser('national')).token);
    const { body } = await admin.apply(program.id, { local: 'Local 12' });
    const id = body.id;
    const active = await coordinator.hireToActive(program, id);
    const self = admin.as((await admin.createUser('organizer', { organizerId: id })).token);
    expect(active.payPeriods).toHaveLength(1);
    const [period] = active.payPeriods;
    expect(period).toMatchObject({ status: 'open', currency: 'USD', debriefStarts: [period.periodStart] });
    expect(active.allowedActions).toEqual(expect.arrayContaining(['submit-timesheet', 'approve-pay-period']));

    const url = (action: string) => `/api/organizers/${id}/${action}`;
    const sheet = {
      periodStart: period.periodStart,
      entries: [
        { date: today(), hours: 2.5, kind: 'organizing' },
        { date: today(), hours: 1.25, kind: 'debrief' },
      ],
      miles: 12.5,
      allowances: { phone: 1500 },
    };
    const before = await footprint(harness, id);
    for (const [bad, field] of [
      [{ ...sheet, allowances: { phone: '15.00' } }, 'allowances'],
      [{ ...sheet, allowances: { phone: 15.5 } }, 'allowances'],
      [{ ...sheet, miles: 12.55 }, 'miles'],
      [{ ...sheet, entries: [{ date: today(), hours: 1.3, kind: 'organizing' }] }, 'entries.0.hours'],
      [{ ...sheet, entries: [{ date: today(), hours: -2, kind: 'organizing' }] }, 'entries.0.hours'],
      [{ ...sheet, entries: [{ date: '2027-02-30', hours: 2, kind: 'organizing' }] }, 'entries.0.date'],
    ] as const) {
      const refused = await self.call('POST', url('submit-timesheet'), bad);
      expect([refused.status, refused.body.problems?.[0]?.field]).toEqual([400, field]);
    }
    const golf = await self.call('POST', url('submit-timesheet'), {
      ...sheet,
      entries: [{ date: today(), hours: 2, kind: 'golf' }],
    });
    expect(golf.status).toBe(422);
    expect(golf.body.message).toContain('entries[0].kind "golf" is not a kind of work this program pays');
    expect(await footprint(harness, id)).toEqual(before);

    const submitted = await self.ok('POST', url('submit-timesheet'), sheet);
    expect(submitted.payPeriods[0]).toMatchObject({ status: 'submitted', timesheet: { miles: 12.5 } });
    expect(submitted.allowedActions).not.toContain('approve-pay-period');
    const forbidden = await self.call('POST', url('approve-pay-period'), { periodStart: period.periodStart });
    expect(forbidden.status).toBe(403);

    // Over, with its debrief still missing: 422 naming it, nothing changed.
    await eventually('the pay period is over', async () => Date.now() > Date.parse(period.periodEnd) + 500, 20_000);
    const early = await coordinator.call('POST', url('approve-pay-period'), { periodStart: period.periodStart });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/cannot be approved: missing the debrief for the period from/);
    await self.ok('POST', url('submit-debrief'), {
      periodStart: period.periodStart,
      hours: 3.75,
      conversations: 5,
      oneOnOnes: 1,
      leadersIdentified: 0,
      inPerson: true,
      group: false,
    });
    const approved = await coordinator.ok('POST', url('approve-pay-period'), { periodStart: period.periodStart });
    // 3.75 h × 22.50 = 84.375 → 84.38; 12.5 mi × 0.67 = 8.375 → 8.38; phone 15.00.
    const payable = approved.payPeriods.find((p: { periodStart: string }) => p.periodStart === period.periodStart);
    expect(payable).toMatchObject({ status: 'payable', hours: 3.75, paidHours: 3.75, amountMinor: 8438 });
    expect(payable.allowancesMinor).toBe(838 + 1500);
    expect(payable.mileageMinor).toBe(838);
    const again = await coordinator.call('POST', url('approve-pay-period'), { periodStart: period.periodStart });
    expect([again.status, again.body.message]).toEqual([
      409,
      `the pay period starting ${localDateTime(Date.parse(period.periodStart), program.timezone)} was approved; it can no longer change`,
    ]);

    const listed = await national.ok('GET', `/api/programs/${program.id}/pay-periods?status=payable`);
    expect(listed.items.map((p: { organizerId: string }) => p.organizerId)).toEqual([id]);

    // Two vouchers at once over the same period: one gets it.
    const through = today();
    const racing = await Promise.all(
      [1, 2].map(() => coordinator.call('POST', `/api/programs/${program.id}/vouchers`, { through })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 422]);
    const voucher = racing.find((r) => r.status === 201)!.body;
    expect(voucher).toMatchObject({ status: 'draft', currency: 'USD', totalMinor: 8438 + 838 + 1500 });
    expect(voucher.lines).toEqual([
      expect.objectContaining({
        organizerId: id,
        periodStart: period.periodStart,
        hours: 3.75,
        rateMinor: 2250,
        amountMinor: 8438,
        allowancesMinor: 2338,
        mileageMinor: 838,
      }),
    ]);
    const csv = await coordinator.call('GET', `/api/vouchers/${voucher.id}.csv`);
    expect(csv.status).toBe(200);
    // Each figure in its own column, the totals row under each: a column's lines add up to its total.
    const [header, line, totals] = String(csv.body).split('\r\n');
    expect(header).toBe('memberId,name,local,firstDay,lastDay,hours,rate,amount,mileage,allowances,total,currency');
    // Mileage in its own column: 12.5 mi × 0.67 = 8.38; the phone allowance 15.00.
    expect(line.split(',').slice(5)).toEqual(['3.75', '22.50', '84.38', '8.38', '15.00', '107.76', 'USD']);
    expect(totals).toBe(',total,,,,3.75,,84.38,8.38,15.00,107.76,USD');
    // People by member number, periods as the local days they cover: no id or instant for the reader.
    const member = await coordinator.ok('GET', `/api/organizers/${id}`);
    const days = (start: string, end: string) => [
      localDayOf(Date.parse(start), program.timezone),
      localDayOf(Date.parse(end) - 1, program.timezone),
    ];
    expect(line.split(',').slice(0, 5)).toEqual([
      member.memberId,
      member.name,
      'Local 12',
      ...days(period.periodStart, period.periodEnd),
    ]);
    expect(unreadable(String(csv.body))).toEqual([]);

    expect((await national.call('POST', `/api/vouchers/${voucher.id}/approve`)).status).toBe(409);
    expect((await coordinator.call('POST', `/api/vouchers/${voucher.id}/approve`)).status).toBe(403);
    // A decision and its audit entry commit together: one whose entry cannot be written is not made.
    const refused = await withAuditRefused(harness.dataSource, voucher.id, () =>
      coordinator.call('POST', `/api/vouchers/${voucher.id}/submit`),
    );
    expect(refused.status).toBe(500);
    expect((await coordinator.ok('GET', `/api/vouchers/${voucher.id}`)).status).toBe('draft');
    await coordinator.ok('POST', `/api/vouchers/${voucher.id}/submit`);
    const returned = await national.ok('POST', `/api/vouchers/${voucher.id}/return`, { reason: 'miles to check' });
    expect(returned).toMatchObject({ status: 'returned', returnReason: 'miles to check' });
    expect((await national.ok('GET', `/api/programs/${program.id}/pay-periods?status=payable`)).items).toHaveLength(1);

    const second = await coordinator.ok('POST', `/api/programs/${program.id}/vouchers`, { through, local: 'Local 12' });
    await coordinator.ok('POST', `/api/vouchers/${second.id}/submit`);
    // Not erased while their pay is on a voucher not yet approved: the refusal names the period, nothing changes.
    const tooSoon = await admin.call('POST', `/api/organizers/${id}/erase`);
    expect([tooSoon.status, tooSoon.body.message]).toEqual([
      409,
      expect.stringMatching(
        /^this member's pay is not settled, so they cannot be erased yet: the pay period \w+day, .* \(America\/Chicago\) to .* \(on a voucher not yet approved\)$/,
      ),
    ]);
    expect((await admin.ok('GET', `/api/organizers/${id}`)).name).toBe(body.name);
    expect((await national.ok('POST', `/api/vouchers/${second.id}/approve`)).status).toBe('approved');
    const reimbursed = await national.ok('GET', `/api/programs/${program.id}/pay-periods?status=reimbursed`);
    expect(reimbursed.items).toEqual([expect.objectContaining({ organizerId: id, voucherId: second.id })]);
    const none = await coordinator.call('POST', `/api/programs/${program.id}/vouchers`, { through });
    expect(none.status).toBe(422);
    const lists = await national.ok('GET', `/api/programs/${program.id}/vouchers?status=approved`);
    expect(lists.items.map((v: { id: string }) => v.id)).toEqual([second.id]);

    // Erased (with a pay period still open): the run ends at once; the voucher keeps its money, not the name.
    const erased = await admin.ok('POST', `/api/organizers/${id}/erase`);
    expect(erased.stage).toBe('withdrawn');
    const kept = await national.ok('GET', `/api/vouchers/${second.id}`);
    expect(kept.lines).toEqual([
      expect.objectContaining({ organizerId: erased.organizerId, name: 'Erased member', amountMinor: 8438 }),
    ]);
    expect(JSON.stringify(kept)).not.toContain(body.name);
    expect(kept.lines[0].memberId).toBeUndefined();
    // The erased record offers nothing (its panel had offered a time sheet and approval).
    const gone = await admin.ok('GET', `/api/organizers/${erased.organizerId}`);
    expect([gone.allowedActions, typeof gone.erasedAt]).toEqual([[], 'string']);
    expect(JSON.stringify(kept)).not.toContain(`"${body.memberId}"`);
  }, 120_000);

  it('refuses pay actions in a program that pays nothing', async () => {
    const unpaid = await admin.createProgram(aFastPolicy({ debriefEvery: '60 seconds' }));
    const { body } = await admin.apply(unpaid.id);
    const active = await admin.hireToActive(unpaid, body.id);
    expect(active.payPeriods).toEqual([]);
    expect(active.allowedActions).not.toContain('submit-timesheet');
    const refused = await admin.call('POST', `/api/organizers/${body.id}/submit-timesheet`, {
      periodStart: active.pendingDebriefPeriods[0].start,
      entries: [{ date: today(), hours: 1, kind: 'organizing' }],
    });
    expect([refused.status, refused.body.message]).toEqual([
      409,
      'submit-timesheet is not possible: no pay period is open',
    ]);
    expect((await admin.call('POST', `/api/programs/${unpaid.id}/vouchers`, { through: today() })).status).toBe(422);
  });
});
