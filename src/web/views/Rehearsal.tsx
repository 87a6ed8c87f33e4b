// "Rehearse this policy": a season of the program played forward by the API (POST /api/programs/:id/rehearsals) with
// a cohort whose habits the coordinator sets, shown as a chart per period, a table and the totals in words; and a
// policy change compared with the current policy before it is saved.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { ApiError, send } from '../api';
import type { ProgramDto, RehearsalResultDto, SeasonResultDto } from '../api-types';
import { day } from '../time';
import { Field, FormAlert, inputValue } from '../ui';

/** The habit fields and their starting values: most send on time, some late by a day or three, a few never. */
export const starting = {
  count: '20',
  onTime: '70',
  late: '20',
  missing: '10',
  lateFrom: '1 day',
  lateTo: '3 days',
  hoursFrom: '8',
  hoursTo: '12',
  rideAlongsPerMonth: '1',
};
type Habits = typeof starting;

/** The request for the program's first 26 periods from its term's start, with one cohort of these habits. */
export function rehearsalBody(program: ProgramDto, habits: Habits, extra: Record<string, unknown> = {}) {
  const share = (text: string) => Number(text) / 100;
  return {
    season: { periods: 26 },
    seed: 1,
    cohorts: [
      {
        count: Number(habits.count),
        habit: {
          onTime: share(habits.onTime),
          late: share(habits.late),
          missing: share(habits.missing),
          lateBy: { from: habits.lateFrom, to: habits.lateTo },
          hoursPerPeriod: { from: Number(habits.hoursFrom), to: Number(habits.hoursTo) },
          timesheetOnTime: 0.8,
          rideAlongsPerMonth: Number(habits.rideAlongsPerMonth),
          pauses: { share: 0.1, for: { from: '1 week', to: '3 weeks' } },
          quits: 0.05,
        },
      },
    ],
    ...extra,
  };
}

const money = (minor: number, currency: string) =>
  `${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** The season's totals as a sentence: per period on average, the most at risk at once, pay per period. */
export function seasonInWords(season: SeasonResultDto): string {
  const n = Math.max(1, season.periods.length);
  const each = (figure: number) => Math.round((figure / n) * 10) / 10;
  const { totals } = season;
  return (
    `About ${each(totals.overdueReminders)} overdue reminders and ${each(totals.escalations)} escalations a period; ` +
    `${totals.atRisk} ${totals.atRisk === 1 ? 'person' : 'people'} at risk at most; ` +
    `${each(totals.missing)} debriefs missing a period` +
    (totals.payablePeriods ? `; pay about ${money(totals.payMinor / n, totals.currency)} a period.` : '.')
  );
}

const charted = [
  { figure: 'overdueReminders', label: 'Overdue reminders', stroke: '#0b5cad' },
  { figure: 'escalations', label: 'Escalations', stroke: '#b3261e' },
  { figure: 'atRisk', label: 'At risk', stroke: '#8a5300' },
  { figure: 'missing', label: 'Missing debriefs', stroke: '#59636e' },
] as const;

/** Reminders, escalations, at risk and missing per period, drawn with uPlot; the table below says the same. */
function SeasonChart({ season }: { season: SeasonResultDto }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const width = Math.max(280, Math.min(640, box.current.clientWidth || 640));
    const plot = new uPlot(
      {
        width,
        height: 220,
        legend: { show: false },
        scales: { x: { time: true } },
        series: [{}, ...charted.map(({ label, stroke }) => ({ label, stroke, width: 2 }))],
        axes: [{}, { label: 'a period' }],
      },
      [
        season.periods.map((p) => Date.parse(p.end) / 1000),
        ...charted.map(({ figure }) => season.periods.map((p) => p[figure])),
      ],
      box.current,
    );
    return () => plot.destroy();
  }, [season]);
  return (
    <figure class="chart">
      <div ref={box} role="img" aria-label={`Chart: ${seasonInWords(season)}`} />
      <figcaption class="legend">
        {charted.map(({ label, stroke }) => (
          <span key={label}>
            <span class="swatch" style={{ background: stroke }} aria-hidden="true" /> {label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function SeasonTable({ season, timezone }: { season: SeasonResultDto; timezone: string }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="The season, period by period">
      <table>
        <thead>
          <tr>
            <th scope="col">Period ending</th>
            <th scope="col">Debriefs due</th>
            <th scope="col">Late</th>
            <th scope="col">Missing</th>
            <th scope="col">Reminders</th>
            <th scope="col">Escalations</th>
            <th scope="col">At risk</th>
            <th scope="col">Pay</th>
          </tr>
        </thead>
        <tbody>
          {season.periods.map((p) => (
            <tr key={p.start}>
              <td>{day(p.end, timezone)}</td>
              <td>{p.debriefsDue}</td>
              <td>{p.late}</td>
              <td>{p.missing}</td>
              <td>{p.overdueReminders}</td>
              <td>{p.escalations}</td>
              <td>{p.atRisk}</td>
              <td>{money(p.payMinor, p.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The API's fields the card's inputs stand for (its other problems, such as shares not summing to 1, go above). */
const habitFields = [
  'cohorts.0.count',
  'cohorts.0.habit.onTime',
  'cohorts.0.habit.late',
  'cohorts.0.habit.missing',
  'cohorts.0.habit.lateBy.from',
  'cohorts.0.habit.lateBy.to',
  'cohorts.0.habit.hoursPerPeriod.from',
  'cohorts.0.habit.hoursPerPeriod.to',
  'cohorts.0.habit.rideAlongsPerMonth',
];

/** The rehearsal card of Settings: habits, then the season as a chart, in words and as a table. */
export function Rehearsal({ program }: { program: ProgramDto }) {
  const [habits, setHabits] = useState<Habits>(starting);
  const [season, setSeason] = useState<RehearsalResultDto>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const rehearse = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSeason(
        await send<RehearsalResultDto>(
          'POST',
          `/api/programs/${program.id}/rehearsals`,
          rehearsalBody(program, habits),
        ),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  // Settings opens with the season of the policy as it is, on the starting habits.
  useEffect(() => void rehearse(), [program.id, JSON.stringify(program.policy)]);
  const problem = (field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);
  const field = (name: keyof Habits, label: string, apiField: string, hint?: string) => (
    <Field name={`rehearsal-${name}`} label={label} hint={hint} error={problem(apiField)}>
      {(props) => (
        <input {...props} value={habits[name]} onInput={(e) => setHabits({ ...habits, [name]: inputValue(e) })} />
      )}
    </Field>
  );
  return (
    <section class="card rehearsal" aria-labelledby="rehearsal-heading">
      <h2 id="rehearsal-heading">Rehearse this policy</h2>
      <p class="muted small">
        A season of this program played forward with the policy as it is: what it will ask of people, period by period,
        before anyone is hired. Nothing is stored.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void rehearse();
        }}
      >
        <div class="grid-3">
          {field('count', 'Organizers', 'cohorts.0.count')}
          {field('onTime', 'Debriefs on time (%)', 'cohorts.0.habit.onTime')}
          {field('late', 'Late (%)', 'cohorts.0.habit.late')}
          {field('missing', 'Missing (%)', 'cohorts.0.habit.missing')}
          {field('lateFrom', 'Late by at least', 'cohorts.0.habit.lateBy.from', 'Such as “1 day”')}
          {field('lateTo', 'Late by at most', 'cohorts.0.habit.lateBy.to')}
          {field('hoursFrom', 'Hours a period, from', 'cohorts.0.habit.hoursPerPeriod.from')}
          {field('hoursTo', 'Hours a period, to', 'cohorts.0.habit.hoursPerPeriod.to')}
          {field('rideAlongsPerMonth', 'Ride-alongs a month', 'cohorts.0.habit.rideAlongsPerMonth')}
        </div>
        <FormAlert error={error} fields={habitFields} />
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Rehearsing…' : 'Rehearse'}
          </button>
        </p>
      </form>
      {season ? (
        <>
          <p class="in-words" role="status">
            {seasonInWords(season)}
          </p>
          <SeasonChart season={season} />
          <SeasonTable season={season} timezone={program.timezone} />
        </>
      ) : null}
    </section>
  );
}

/** The current policy's season beside the changed one's, before the change is saved. */
export function PolicyComparison({ program, result }: { program: ProgramDto; result: RehearsalResultDto }) {
  const [now, changed] = result.compared ?? [];
  if (!now || !changed) return null;
  const rows = [
    ['Overdue reminders', 'overdueReminders'],
    ['Escalations', 'escalations'],
    ['Most at risk at a period’s end', 'atRisk'],
    ['Debriefs missing', 'missing'],
    ['Time sheet reminders', 'timesheetsMissing'],
    ['Emails to members', 'memberMessages'],
    ['Emails to staff', 'staffMessages'],
    ['Pay', 'payMinor'],
  ] as const;
  const shown = (figure: (typeof rows)[number][1], value: number) =>
    figure === 'payMinor' ? money(value, now.totals.currency) : String(value);
  return (
    <div class="comparison" role="region" aria-label="The policy as it is beside the change">
      <table>
        <caption>
          The season ({now.periods.length} periods from {day(now.periods[0]?.start, program.timezone)}) as it is and
          with the change
        </caption>
        <thead>
          <tr>
            <th scope="col">In the season</th>
            <th scope="col">As it is</th>
            <th scope="col">With the change</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, figure]) => {
            const difference = changed.totals[figure] - now.totals[figure];
            return (
              <tr key={figure}>
                <th scope="row">{label}</th>
                <td>{shown(figure, now.totals[figure])}</td>
                <td>{shown(figure, changed.totals[figure])}</td>
                <td>{difference > 0 ? `+${shown(figure, difference)}` : shown(figure, difference)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
