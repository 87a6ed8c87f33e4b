// The weekly report to national in the page (GET /api/programs/:id/reports/:weekOf): the week's figures, plans against
// debriefs, who is missing and the goals, as the email says them; the program's list of them; and any past week's
// report opened by a day of it (for national, made now when it was not).
import { useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type { CallerDto, ProgramDto, TrendsDto, WeeklyReportDto, WeeklyReportListDto } from '../api-types';
import { href, navigate } from '../router';
import { day } from '../time';
import {
  DataTable,
  Failed,
  Field,
  FormAlert,
  inputValue,
  Kpi,
  Loading,
  number,
  TableSection,
  useAction,
  useData,
} from '../ui';
import { namedByItsMonday, weekName } from './Weeks';
import { Goals } from './Goals';

export function Report({ programId, weekOf }: { programId: string; weekOf: string }) {
  const { data, error } = useData(
    () =>
      Promise.all([
        get<ProgramDto>(`/api/programs/${programId}`),
        get<WeeklyReportDto>(`/api/programs/${programId}/reports/${weekOf}`),
      ]),
    [programId, weekOf],
  );
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the report" />;
  const [program, report] = data;
  const tz = program.timezone;
  const plans = report.submitted.flatMap((d) => (d.plan ?? []).map((line) => ({ ...line, name: d.name })));
  return (
    <>
      <h1>Weekly report: week of {weekName(report.weekOf, tz)}</h1>
      <p class="muted">
        {program.name}, made {day(report.createdAt, tz)}. <a href={href(`/program/${programId}`)}>Every report</a>
      </p>
      <div class="kpis">
        <Kpi name="Debriefs submitted" value={number(report.totals.debriefs)} id="report-debriefs" />
        {/* A debrief is reported missing in the week its grace ran out (the charts count it in its period's week). */}
        <Kpi
          name="Fell overdue"
          value={number(report.missing.length)}
          id="report-missing"
          tone={report.missing.length ? 'warn' : ''}
        />
        <Kpi name="Hours" value={number(report.totals.hours)} id="report-hours" />
        <Kpi name="Conversations" value={number(report.totals.conversations)} id="report-conversations" />
        <Kpi name="One-on-ones" value={number(report.totals.oneOnOnes)} id="report-one-on-ones" />
        <Kpi name="Leaders identified" value={number(report.totals.leadersIdentified)} id="report-leaders" />
      </div>
      <div class="grid-2">
        <DataTable
          caption="Plans against debriefs"
          testid="report-plans"
          rows={plans}
          empty="No debrief this week had a plan."
          columns={[
            { name: 'Organizer', cell: (p) => p.name },
            { name: 'Target', cell: (p) => p.target },
            { name: 'Planned', num: true, cell: (p) => number(p.planned) },
            { name: 'Reported', num: true, cell: (p) => number(p.reported) },
          ]}
        />
        <DataTable
          caption="Debriefs that fell overdue this week"
          testid="report-missing"
          rows={report.missing}
          empty="No debrief fell overdue this week."
          columns={[
            { name: 'Organizer', cell: (m) => m.name },
            { name: 'Period from', cell: (m) => day(m.periodStart, tz) },
          ]}
        />
      </div>
      <Goals goals={report.goals} />
    </>
  );
}

/** How many reports the program page lists at a time. */
export const reportsAtATime = 8;

/** The program's weekly reports, newest first, each opening its page; older ones on request. */
export function ReportList({ programId, first }: { programId: string; first: WeeklyReportListDto }) {
  // What is shown, and how many older reports are still to come.
  const [shown, setShown] = useState({ items: first.items, older: first.total - first.items.length });
  const { busy, failure, run } = useAction(async () => undefined);
  // Older than the last shown, by its week: a report made meanwhile moves no page.
  const older = () =>
    run(async () => {
      const next = await get<WeeklyReportListDto>(
        `/api/programs/${programId}/reports?limit=${reportsAtATime}&before=${shown.items.at(-1)!.weekOf}`,
      );
      setShown({ items: [...shown.items, ...next.items], older: next.total - next.items.length });
    }, 'Older reports shown');
  return (
    <>
      <TableSection
        heading="Weekly reports to national"
        caption={`Newest first (${shown.items.length} of ${shown.items.length + shown.older})`}
        rows={shown.items}
        testid="reports"
        columns={[
          {
            name: 'Week of',
            cell: (r) => <a href={href(`/program/${programId}/report/${r.weekOf}`)}>{weekName(r.weekOf)}</a>,
          },
          { name: 'Submitted', num: true, cell: (r) => number(r.submitted.length) },
          { name: 'Fell overdue', num: true, cell: (r) => number(r.missing.length) },
          { name: 'Hours', num: true, cell: (r) => number(r.totals.hours) },
          { name: 'Conversations', num: true, cell: (r) => number(r.totals.conversations) },
        ]}
      />
      <FormAlert error={failure} />
      {shown.older > 0 && (
        <p class="actions">
          <button type="button" disabled={busy} onClick={() => void older()}>
            {busy ? 'Loading…' : 'Show older reports'}
          </button>
        </p>
      )}
    </>
  );
}

/**
 * A past week's report, by any day of it (or, where debrief periods count as weeks, picked from the program's past
 * weeks): opened where it was made; for national, made now when it was not (as the Monday Schedule makes it). A report
 * already made is opened as it was sent, never made again.
 */
export function OpenReport({ programId, me }: { programId: string; me: CallerDto }) {
  // The program's weeks as the API names them, the one in progress last.
  const { data: weeks } = useData(
    () => get<TrendsDto>(`/api/dashboard/trends?programId=${programId}&metrics=debriefsDue`),
    [programId],
  );
  const [weekOf, setWeekOf] = useState('');
  const { busy, failure: error, run } = useAction(async () => undefined);
  const makes = me.role === 'national' || me.role === 'admin';
  // Debrief periods named by their start: the weeks that have ended, newest first.
  const periods = weeks && !weeks.weeks.every(namedByItsMonday) ? weeks.weeks.slice(0, -1).reverse() : undefined;
  const open = () =>
    run(async () => {
      const report = await get<WeeklyReportDto>(`/api/programs/${programId}/reports/${weekOf}`).catch(
        (failure: unknown) => {
          if (!makes || !(failure instanceof ApiError) || failure.status !== 404) throw failure;
          return send<WeeklyReportDto>('POST', `/api/programs/${programId}/reports`, { weekOf });
        },
      );
      navigate(`/program/${programId}/report/${report.weekOf}`);
    }, 'Report opened');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void open();
      }}
    >
      <FormAlert error={error} fields={['weekOf']} marked="above" />
      <Field
        name="report-week"
        label={makes ? 'Open or make the report of a past week' : 'Open the report of a past week'}
        hint={periods ? 'A debrief period counts as a week here' : 'Any day of the week'}
        error={error instanceof ApiError ? error.problemFor('weekOf') : undefined}
      >
        {(props) =>
          periods ? (
            <select {...props} required value={weekOf} onChange={(e) => setWeekOf(inputValue(e))}>
              <option value="">Choose a week</option>
              {periods.map((week) => (
                <option key={week} value={week}>
                  {weekName(week, weeks?.timezone)}
                </option>
              ))}
            </select>
          ) : (
            <input {...props} type="date" required value={weekOf} onInput={(e) => setWeekOf(inputValue(e))} />
          )
        }
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? 'Opening the report…' : 'Open the report'}
      </button>
    </form>
  );
}
