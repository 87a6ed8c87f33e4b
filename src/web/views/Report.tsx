// The weekly report to national in the page (GET /api/programs/:id/reports/:weekOf): the week's figures, plans against
// debriefs, who is missing and the goals, as the email says them; and, for national, a past week's report made now.
import { useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type { CallerDto, ProgramDto, WeeklyReportDto } from '../api-types';
import { href, navigate } from '../router';
import { day } from '../time';
import { DataTable, Failed, Field, FormAlert, inputValue, Kpi, Loading, number, useAction, useData } from '../ui';
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
      <h1>Weekly report: week of {day(report.weekStart, tz)}</h1>
      <p class="muted">
        {program.name}, made {day(report.createdAt, tz)}. <a href={href(`/program/${programId}`)}>Every report</a>
      </p>
      <div class="kpis">
        <Kpi name="Debriefs submitted" value={number(report.totals.debriefs)} id="report-debriefs" />
        <Kpi
          name="Missing"
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
          caption="Missing debriefs"
          testid="report-missing"
          rows={report.missing}
          empty="Nobody is missing a debrief."
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

/** National's form: a past week's report, made now (as the Monday Schedule makes it), then opened. */
export function MakeReport({ programId, me }: { programId: string; me: CallerDto }) {
  const [weekOf, setWeekOf] = useState('');
  const { busy, failure: error, run } = useAction(async () => undefined);
  if (me.role !== 'national' && me.role !== 'admin') return null;
  const make = () =>
    run(async () => {
      const report = await send<WeeklyReportDto>('POST', `/api/programs/${programId}/reports`, { weekOf });
      navigate(`/program/${programId}/report/${report.weekOf}`);
    }, 'Report made');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void make();
      }}
    >
      <FormAlert error={error} fields={['weekOf']} marked="above" />
      <Field
        name="report-week"
        label="Make the report of a past week"
        hint="Any day of the week"
        error={error instanceof ApiError ? error.problemFor('weekOf') : undefined}
      >
        {(props) => <input {...props} type="date" value={weekOf} onInput={(e) => setWeekOf(inputValue(e))} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? 'Making the report…' : 'Make the report'}
      </button>
    </form>
  );
}
