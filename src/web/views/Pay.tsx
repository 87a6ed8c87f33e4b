// A program's pay: time sheets waiting for approval (approve one with a click; a refusal says what is missing),
// payable periods turned into a voucher, and the vouchers (review the lines, download CSV, print, submit; national
// approves or returns with a reason). Every rule is the API's: the page shows its answers.
import { useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type {
  CallerDto,
  PayPeriodDto,
  PayPeriodListDto,
  ProgramDto,
  TimesheetDto,
  VoucherDto,
  VoucherListDto,
} from '../api-types';
import { href, navigate } from '../router';
import { period, today } from '../time';
import {
  announce,
  type Column,
  DataTable,
  Failed,
  Field,
  FormAlert,
  inputValue,
  Loading,
  money,
  number,
  saveFile,
  TableSection,
  Tag,
  useAction,
  useData,
} from '../ui';

export function Pay({ programId, voucherId, me }: { programId: string; voucherId?: string; me: CallerDto }) {
  const { data, error, reload } = useData(
    () =>
      Promise.all([
        get<ProgramDto>(`/api/programs/${programId}`),
        get<PayPeriodListDto>(`/api/programs/${programId}/pay-periods`),
        get<VoucherListDto>(`/api/programs/${programId}/vouchers`),
      ]),
    [programId],
  );
  const { busy, failure, run } = useAction(reload, { announceFailure: true });
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="pay" />;
  const [program, periods, vouchers] = data;
  const acts = me.role === 'admin' || (me.role === 'coordinator' && me.programIds.includes(programId));
  const decides = me.role === 'admin' || me.role === 'national';
  const tz = program.timezone;
  if (!program.policy.pay) {
    return (
      <section aria-labelledby="pay-heading">
        <h1 id="pay-heading">Pay</h1>
        <p>This program pays nothing: it has no pay policy. Give it one in Settings to take time sheets.</p>
      </section>
    );
  }

  const of = (status: PayPeriodDto['status']) => periods.items.filter((p) => p.status === status);
  // Both tables of pay periods name the organizer and the period the same way.
  const organizerColumn: Column<PayPeriodDto> = {
    name: 'Organizer',
    cell: (p) => <a href={href(`/organizer/${p.organizerId}`)}>{p.name}</a>,
  };
  const periodColumn: Column<PayPeriodDto> = { name: 'Period', cell: (p) => period(p, tz) };
  const open = voucherId ? vouchers.items.find((v) => v.id === voucherId) : undefined;

  return (
    <section aria-labelledby="pay-heading" class="pay">
      <h1 id="pay-heading">Pay</h1>
      <p class="muted">
        {program.policy.pay.model === 'lost_time' ? 'Lost time reimbursed' : 'Stipends'} in{' '}
        {program.policy.pay.currency}, reimbursed by {program.policy.pay.reimbursedBy}. A pay period is payable once its
        time sheet and its debriefs are in and a coordinator approves it.
      </p>
      <FormAlert error={failure} />

      <TableSection
        heading="Waiting for approval"
        caption="Time sheets in, not yet approved"
        testid="approvals"
        empty="No time sheet waits for approval."
        rows={of('submitted')}
        columns={[
          organizerColumn,
          periodColumn,
          { name: 'Hours', num: true, cell: (p) => number(p.timesheet ? timesheetHours(p.timesheet) : 0) },
          {
            name: 'Against its debriefs',
            cell: (p) => {
              const compared = hoursCompared(p);
              return compared.differs ? <Tag tone="warn">{compared.text}</Tag> : compared.text;
            },
          },
          {
            name: 'Approve',
            cell: (p) =>
              acts ? (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Approve ${p.name}, ${period(p, tz)}`}
                  onClick={() =>
                    run(
                      () =>
                        send('POST', `/api/organizers/${p.organizerId}/approve-pay-period`, {
                          periodStart: p.periodStart,
                        }),
                      `${p.name}'s pay period approved`,
                    )
                  }
                >
                  Approve
                </button>
              ) : (
                ''
              ),
          },
        ]}
      />

      <TableSection
        heading="Payable"
        caption="Approved, not yet on a voucher"
        testid="payable"
        empty="Nothing payable yet."
        rows={of('payable')}
        columns={[
          organizerColumn,
          { name: 'Local', cell: (p) => p.local ?? '' },
          periodColumn,
          { name: 'Hours paid', num: true, cell: (p) => number(p.paidHours ?? 0) },
          {
            name: 'Amount',
            num: true,
            cell: (p) => money((p.amountMinor ?? 0) + (p.allowancesMinor ?? 0), p.currency),
          },
        ]}
      />
      {acts && of('payable').length ? <BuildVoucher programId={programId} timezone={tz} onBuilt={reload} /> : null}

      <TableSection
        heading="Vouchers"
        caption="Newest first"
        testid="vouchers"
        empty="No voucher yet."
        rows={vouchers.items}
        columns={[
          {
            name: 'Voucher',
            cell: (v) => (
              <a href={href(`/program/${programId}/pay/${v.id}`)}>
                {v.local ?? 'All locals'} through {v.through}
              </a>
            ),
          },
          { name: 'Status', cell: (v) => v.status },
          { name: 'Lines', num: true, cell: (v) => number(v.lines.length) },
          { name: 'Total', num: true, cell: (v) => money(v.totalMinor, v.currency) },
        ]}
      />
      {open ? (
        <Voucher
          voucher={open}
          acts={acts}
          decides={decides}
          busy={busy}
          run={run}
          timezone={tz}
          onClose={() => navigate(`/program/${programId}/pay`)}
        />
      ) : null}
    </section>
  );
}

function BuildVoucher({
  programId,
  timezone,
  onBuilt,
}: {
  programId: string;
  timezone: string;
  onBuilt: () => Promise<void>;
}) {
  const [through, setThrough] = useState(today(timezone));
  const [local, setLocal] = useState('');
  const [error, setError] = useState<unknown>();
  return (
    <form
      class="card"
      aria-labelledby="build-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(undefined);
        try {
          const voucher = await send<VoucherDto>('POST', `/api/programs/${programId}/vouchers`, {
            through,
            ...(local.trim() ? { local: local.trim() } : {}),
          });
          announce(`Voucher built: ${voucher.lines.length} lines`);
          await onBuilt();
          navigate(`/program/${programId}/pay/${voucher.id}`);
        } catch (e) {
          setError(e);
        }
      }}
    >
      <h3 id="build-heading">Build a voucher</h3>
      <FormAlert error={error} fields={['through', 'local']} />
      <Field name="through" label="Pay periods ending by" error={problemOf(error, 'through')}>
        {(p) => <input {...p} type="date" required value={through} onInput={(e) => setThrough(inputValue(e))} />}
      </Field>
      <Field name="local" label="Local (optional: every local when empty)" error={problemOf(error, 'local')}>
        {(p) => <input {...p} value={local} onInput={(e) => setLocal(inputValue(e))} />}
      </Field>
      <p class="actions">
        <button type="submit">Build voucher</button>
      </p>
    </form>
  );
}

/** The hours a time sheet reports, over all its entries. */
export const timesheetHours = (timesheet: TimesheetDto) => timesheet.entries.reduce((sum, e) => sum + e.hours, 0);

/**
 * The time sheet's hours set beside what the period's debriefs report, so a coordinator approving it sees a difference
 * (12 h reported, 7.75 h on the sheet) rather than passing over it.
 */
export function hoursCompared(p: Pick<PayPeriodDto, 'timesheet' | 'debriefHours'>): { text: string; differs: boolean } {
  const sheet = p.timesheet ? timesheetHours(p.timesheet) : 0;
  if (p.debriefHours === undefined)
    return { text: `${number(sheet)} h on the time sheet; no debrief in`, differs: true };
  const gap = sheet - p.debriefHours;
  if (gap === 0) return { text: `${number(sheet)} h on the time sheet, as its debriefs report`, differs: false };
  return {
    text: `${number(sheet)} h on the time sheet, ${number(p.debriefHours)} h in its debriefs: ${number(Math.abs(gap))} h ${gap < 0 ? 'fewer' : 'more'} on the sheet`,
    differs: true,
  };
}

const problemOf = (error: unknown, field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);

function Voucher({
  voucher: v,
  acts,
  decides,
  busy,
  run,
  timezone,
  onClose,
}: {
  voucher: VoucherDto;
  acts: boolean;
  decides: boolean;
  busy: boolean;
  run: (what: () => Promise<unknown>, said: string) => Promise<void>;
  timezone: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <article class="card voucher" aria-labelledby="voucher-heading" data-voucher={v.id}>
      <h2 id="voucher-heading">
        Voucher: {v.local ?? 'all locals'}, pay periods through {v.through} ({v.status})
      </h2>
      <p>
        For {v.reimbursedBy}. Total <strong>{money(v.totalMinor, v.currency)}</strong> over {v.lines.length}{' '}
        {v.lines.length === 1 ? 'line' : 'lines'}.{v.returnReason ? ` Returned: ${v.returnReason}` : ''}
      </p>
      <DataTable
        caption="One line per organizer and pay period; each links to the time sheet and debriefs on their page"
        testid="voucher-lines"
        rows={v.lines}
        columns={[
          { name: 'Organizer', cell: (l) => <a href={href(`/organizer/${l.organizerId}`)}>{l.name}</a> },
          { name: 'Period', cell: (l) => period(l, timezone) },
          { name: 'Hours', num: true, cell: (l) => number(l.hours) },
          { name: 'Rate', num: true, cell: (l) => money(l.rateMinor, v.currency) },
          { name: 'Amount', num: true, cell: (l) => money(l.amountMinor, v.currency) },
          // allowancesMinor holds the mileage too (all of it, on lines from before mileage was kept apart).
          { name: 'Mileage', num: true, cell: (l) => money(l.mileageMinor ?? 0, v.currency) },
          {
            name: 'Allowances',
            num: true,
            cell: (l) => money(l.allowancesMinor - (l.mileageMinor ?? 0), v.currency),
          },
        ]}
      />
      <p class="actions no-print">
        <button
          type="button"
          class="secondary"
          onClick={() => saveFile(`/api/vouchers/${v.id}.csv`, `voucher-${v.id}.csv`)}
        >
          Download CSV
        </button>
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print
        </button>
        {acts && v.status === 'draft' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => run(() => send('POST', `/api/vouchers/${v.id}/submit`, {}), 'Voucher submitted')}
          >
            Submit to {v.reimbursedBy}
          </button>
        ) : null}
        {decides && v.status === 'submitted' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => run(() => send('POST', `/api/vouchers/${v.id}/approve`, {}), 'Voucher approved')}
          >
            Approve and reimburse
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </p>
      {decides && v.status === 'submitted' ? (
        <form
          class="no-print"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => send('POST', `/api/vouchers/${v.id}/return`, { reason }), 'Voucher returned');
          }}
        >
          <Field name="reason" label="Reason to return it">
            {(p) => <input {...p} required value={reason} onInput={(e) => setReason(inputValue(e))} />}
          </Field>
          <p class="actions">
            <button type="submit" class="secondary" disabled={busy}>
              Return with this reason
            </button>
          </p>
        </form>
      ) : null}
    </article>
  );
}
