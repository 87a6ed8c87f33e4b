// Week by week (GET /api/dashboard/trends, /api/organizers/:id/trends): a program's debriefs, activity and people per
// stage, and one person's weeks, as charts people read at a glance. Each chart shows a week's numbers under the
// pointer and has a table with the same numbers for screen readers and for anyone who prefers one.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { get } from '../api';
import type { ProgramWeekDto, SideBySideDto, TrendsDto } from '../api-types';
import { href } from '../router';
import { day, when } from '../time';
import { Failed, Field, inputValue, Loading, number, percent, saveFile, useData } from '../ui';
import { vocabulary } from '../vocabulary';

/** Whether the API named a week by its Monday (a calendar week) rather than by a debrief period's start. */
export const namedByItsMonday = (week: string) => /^\d{4}-\d{2}-\d{2}$/.test(week);

/** A week as people name it: its Monday, or, where debrief periods count as weeks, the period's start. */
export function weekName(week: string, timeZone?: string): string {
  return namedByItsMonday(week) ? day(`${week}T12:00:00Z`, 'UTC') : when(week, timeZone);
}

interface Line {
  label: string;
  values: (number | null)[];
  stroke: string;
  /** How a value reads: a count by default. */
  format?: (value: number) => string;
}

const show = (line: Line, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : (line.format ?? number)(value);

/** Lines over the weeks, with the hovered week's numbers beside the chart and a table of them all. */
export function WeeklyChart({
  title,
  weeks,
  lines,
  timezone,
  testid,
  csv,
}: {
  title: string;
  weeks: string[];
  lines: Line[];
  timezone?: string;
  testid: string;
  /** Where the same weeks are served as CSV. */
  csv: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number>();
  useEffect(() => {
    if (!box.current || !weeks.length) return;
    const width = Math.max(280, Math.min(640, box.current.clientWidth || 640));
    const xs = weeks.map((week) => Date.parse(/T/.test(week) ? week : `${week}T12:00:00Z`) / 1000);
    // A tick on each week (every other one past six, so their names fit), named as the table names it.
    const ticks = xs.filter((_, i) => xs.length <= 6 || (xs.length - 1 - i) % 2 === 0);
    const short = (x: number) => weekName(weeks[xs.indexOf(x)], timezone).replace(/, \d{4}$/, '');
    const plot = new uPlot(
      {
        width,
        height: 200,
        legend: { show: false },
        scales: { x: { time: true } },
        series: [{}, ...lines.map(({ label, stroke }) => ({ label, stroke, width: 2, points: { show: true } }))],
        axes: [
          { splits: () => ticks, values: (_, splits) => splits.map(short) },
          { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000] },
        ],
        hooks: { setCursor: [(u) => setHovered(u.cursor.idx ?? undefined)] },
      },
      [xs, ...lines.map((l) => l.values)],
      box.current,
    );
    return () => plot.destroy();
  }, [JSON.stringify(weeks), JSON.stringify(lines.map((l) => l.values))]);
  const at = hovered ?? weeks.length - 1;
  return (
    <figure class="chart" data-chart={testid}>
      <figcaption>
        <strong>{title}</strong>
        <span class="legend">
          {lines.map((line) => (
            <span key={line.label}>
              <span class="swatch" style={{ background: line.stroke }} aria-hidden="true" /> {line.label}
            </span>
          ))}
        </span>
      </figcaption>
      {weeks.length ? (
        <>
          <div ref={box} aria-hidden="true" />
          <p class="muted small" data-hovered={testid}>
            {weekName(weeks[at], timezone)}:{' '}
            {lines.map((line) => `${line.label.toLowerCase()} ${show(line, line.values[at])}`).join(', ')}
          </p>
        </>
      ) : (
        <p class="muted">No weeks yet.</p>
      )}
      <details>
        <summary>{title} as a table</summary>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={`${title}, week by week`}>
          <table data-table={testid}>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {lines.map((line) => (
                  <th scope="col" class="num" key={line.label}>
                    {line.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, i) => (
                <tr key={week}>
                  <th scope="row">{weekName(week, timezone)}</th>
                  {lines.map((line) => (
                    <td class="num" key={line.label}>
                      {show(line, line.values[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <button type="button" class="quiet" onClick={() => void saveFile(csv, `${testid}.csv`)}>
        Download {title.toLowerCase()} as CSV
      </button>
    </figure>
  );
}

const palette = ['#0b5cad', '#1e7a3c', '#8a5300', '#b3261e', '#59636e', '#6f3fa8', '#00707a', '#9c2f6b'];

/** The metrics behind each chart, for its CSV. */
const chartMetrics = {
  debriefs: 'debriefsDue,debriefsOnTime,debriefsLate,debriefsMissing,onTimeRate',
  activity: 'conversations,oneOnOnes,hours,leadersIdentified',
  stages: 'inStage',
};

/** The weekly debrief and activity lines both views draw. */
function debriefLines(series: TrendsDto['series']): Line[] {
  return [
    { label: 'Due', values: series.debriefsDue, stroke: palette[4] },
    { label: 'On time', values: series.debriefsOnTime, stroke: palette[1] },
    { label: 'Late', values: series.debriefsLate, stroke: palette[2] },
    { label: 'Missing', values: series.debriefsMissing, stroke: palette[3] },
  ];
}

function activityLines(series: TrendsDto['series']): Line[] {
  return [
    { label: 'Conversations', values: series.conversations, stroke: palette[0] },
    { label: 'One-on-ones', values: series.oneOnOnes, stroke: palette[5] },
    { label: 'Hours', values: series.hours, stroke: palette[6] },
  ];
}

/** Charts of one set of weeks: each with its title, lines, and the metrics its CSV asks for. */
function Charts({
  data,
  charts,
  csv,
  prefix = '',
}: {
  data: TrendsDto;
  charts: { title: string; id: keyof typeof chartMetrics; lines: Line[] }[];
  /** The CSV route of these weeks, asked with `metrics`. */
  csv: string;
  prefix?: string;
}) {
  return (
    <div class="grid-2">
      {charts.map((chart) => (
        <WeeklyChart
          key={chart.id}
          title={chart.title}
          testid={`${prefix}${chart.id}`}
          csv={`${csv}${csv.includes('?') ? '&' : '?'}metrics=${chartMetrics[chart.id]}`}
          weeks={data.weeks}
          timezone={data.timezone}
          lines={chart.lines}
        />
      ))}
    </div>
  );
}

/** A program's last twelve weeks: debriefs, activity and people per stage. */
export function ProgramWeeks({ programId }: { programId: string }) {
  const { data, error } = useData(() => get<TrendsDto>(`/api/dashboard/trends?programId=${programId}`), [programId]);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the weeks" />;
  const v = vocabulary();
  // The stages anyone was in during these weeks, in the API's order.
  const staged = Object.keys(data.series)
    .filter((name) => name.startsWith('inStage.') && data.series[name].some((n) => n))
    .map((name, i) => ({
      label: v.stageLabel(name.slice('inStage.'.length)),
      values: data.series[name],
      stroke: palette[i % palette.length],
    }));
  return (
    <section aria-labelledby="weeks-heading" data-section="weeks">
      <h2 id="weeks-heading">Week by week</h2>
      <Charts
        data={data}
        csv={`/api/dashboard/trends.csv?programId=${programId}`}
        charts={[
          { title: 'Debriefs', id: 'debriefs', lines: debriefLines(data.series) },
          { title: 'Activity', id: 'activity', lines: activityLines(data.series) },
          { title: 'People per stage', id: 'stages', lines: staged },
        ]}
      />
      {data.goals?.length ? (
        <>
          <h3>Goals against plan</h3>
          <div class="grid-2">
            {data.goals.map((goal, i) => (
              <WeeklyChart
                key={`${goal.goal}|${goal.local ?? ''}`}
                title={goal.local ? `${goal.goal} · ${goal.local}` : goal.goal}
                testid={`goal-${i}`}
                csv={`/api/dashboard/trends.csv?programId=${programId}&metrics=goals`}
                weeks={data.weeks}
                timezone={data.timezone}
                lines={[
                  {
                    label: goal.scope === 'organizer_week' ? 'Per organizer' : 'So far',
                    values: goal.actual,
                    stroke: palette[0],
                  },
                  { label: 'Plan', values: goal.plan, stroke: palette[4] },
                ]}
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}

/** One person's last twelve weeks: their debriefs and activity. */
export function PersonWeeks({ organizerId }: { organizerId: string }) {
  const { data, error } = useData(() => get<TrendsDto>(`/api/organizers/${organizerId}/trends`), [organizerId]);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="their weeks" />;
  if (!data.weeks.length) return null;
  return (
    <section aria-labelledby="person-weeks-heading" data-section="person-weeks">
      <h2 id="person-weeks-heading">Their weeks</h2>
      <Charts
        data={data}
        prefix="person-"
        csv={`/api/organizers/${organizerId}/trends.csv`}
        charts={[
          { title: 'Debriefs', id: 'debriefs', lines: debriefLines(data.series) },
          { title: 'Activity', id: 'activity', lines: activityLines(data.series) },
        ]}
      />
    </section>
  );
}

/** A figure national compares programs by: `key` names its column, `name` its metric in the weekly series. */
interface Compared {
  key: string;
  name: string;
  label: string;
  format?: (value: number) => string;
}

/** The figures national compares programs by, two of them of the stage chosen (its label in `inStage`). */
const comparedIn = (stage: string, inStage: string): Compared[] =>
  [
    { name: 'applications', label: 'Applications' },
    { name: 'hires', label: 'Hires' },
    { key: 'stagePeople', name: `inStage.${stage}`, label: `In ${inStage}` },
    { key: 'stageHours', name: `medianHoursInStage.${stage}`, label: `Median hours in ${inStage}` },
    { name: 'atRisk', label: 'At risk' },
    { name: 'debriefsDue', label: 'Debriefs due' },
    { name: 'onTimeRate', label: 'On time', format: percent },
    { name: 'debriefsLate', label: 'Late' },
    { name: 'debriefsMissing', label: 'Missing' },
    { name: 'conversations', label: 'Conversations' },
    { name: 'oneOnOnes', label: 'One-on-ones' },
    { name: 'leadersIdentified', label: 'Leaders identified' },
    { name: 'hours', label: 'Hours' },
    { name: 'rideAlongs', label: 'Ride-alongs' },
    { name: 'rideAlongCompliance', label: 'Meeting ride-alongs', format: percent },
    { name: 'goalsOnPlan', label: 'Goals on plan', format: percent },
  ].map((figure) => ({ key: figure.name, ...figure }));

/** A figure with its change from the week before: ▲ up, ▼ down, said in words to a screen reader. */
function Change({
  latest,
  previous,
  format = number,
}: {
  latest: number | null;
  previous: number | null;
  format?: (value: number) => string;
}) {
  if (latest === null) return <>—</>;
  const change = changeOf(latest, previous)!;
  return (
    <>
      {format(latest)}{' '}
      {change ? (
        <span class={change > 0 ? 'up' : 'down'}>
          <span aria-hidden="true">{change > 0 ? '▲' : '▼'}</span>
          <span class="visually-hidden">
            {change > 0 ? 'up' : 'down'} {format(Math.abs(change))} from the week before
          </span>
        </span>
      ) : null}
    </>
  );
}

/** How far a figure moved since the week before (none from a week without it); none at all without a figure now. */
function changeOf(latest: number | null, previous: number | null): number | null {
  return latest === null ? null : previous === null ? 0 : latest - previous;
}

/** A column to sort by, and whether by each figure or by its change from the week before. */
type Sort = { by: string; descending: boolean; change: boolean };

/**
 * Every program's last whole week beside the week before, sortable by any figure or its change, filtered by affiliate
 * and kind.
 */
export function SideBySide() {
  const [filters, setFilters] = useState({ affiliate: '', kind: '' });
  const [sort, setSort] = useState<Sort>({ by: 'name', descending: false, change: false });
  const v = vocabulary();
  const [stage, setStage] = useState('active');
  const compared = comparedIn(stage, v.stageLabel(stage));
  // Every program once (the filters' choices), then the filtered ones only when a filter is set.
  const everyProgram = useData(() => get<SideBySideDto>('/api/dashboard/weeks'), []);
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value)).toString();
  const filtered = useData(
    () => (query ? get<SideBySideDto>(`/api/dashboard/weeks?${query}`) : Promise.resolve(undefined)),
    [query],
  );
  const data = query ? filtered.data : everyProgram.data;
  const error = filtered.error;
  if (error ?? everyProgram.error) return <Failed error={error ?? everyProgram.error} />;
  if (!data || !everyProgram.data) return <Loading what="the programs' weeks" />;
  const options = (pick: (p: ProgramWeekDto) => string) => [...new Set(everyProgram.data!.programs.map(pick))].sort();
  // A program without the figure sorts last either way; names sort as people read them.
  const sorted = compared.find((figure) => figure.key === sort.by)?.name ?? '';
  const figure = (p: ProgramWeekDto) =>
    sort.change ? changeOf(p.latest[sorted] ?? null, p.previous[sorted] ?? null) : (p.latest[sorted] ?? null);
  const rows = [...data.programs].sort((a, b) => {
    if (sort.by === 'name') return (sort.descending ? -1 : 1) * a.name.localeCompare(b.name);
    const [x, y] = [figure(a), figure(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sort.descending ? y - x : x - y;
  });
  const header = (by: string, label: string, num = true) => (
    <th
      scope="col"
      class={num ? 'num' : undefined}
      aria-sort={sort.by === by ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        class="sort"
        onClick={() => setSort({ ...sort, by, descending: sort.by === by ? !sort.descending : by !== 'name' })}
      >
        {label}
      </button>
    </th>
  );
  const select = (name: 'affiliate' | 'kind', label: string, values: string[]) => (
    <Field name={`side-${name}`} label={label}>
      {(props) => (
        <select {...props} value={filters[name]} onChange={(e) => setFilters({ ...filters, [name]: inputValue(e) })}>
          <option value="">Every one</option>
          {values.map((v) => (
            <option value={v} key={v}>
              {v.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="side-heading" data-section="side-by-side">
      <h2 id="side-heading">Programs side by side</h2>
      <p class="muted small">Each program's last whole week, with the change from the week before.</p>
      <div class="filters">
        {select(
          'affiliate',
          'Affiliate',
          options((p) => p.affiliate),
        )}
        {select(
          'kind',
          'Kind of program',
          options((p) => p.kind),
        )}
        <Field name="side-stage" label="Stage">
          {(props) => (
            <select {...props} value={stage} onChange={(e) => setStage(inputValue(e))}>
              {v.openStages.map((name) => (
                <option value={name} key={name}>
                  {v.stageLabel(name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="side-order" label="Order by">
          {(props) => (
            <select
              {...props}
              value={sort.change ? 'change' : 'figure'}
              onChange={(e) => setSort({ ...sort, change: inputValue(e) === 'change' })}
            >
              <option value="figure">Each figure</option>
              <option value="change">Week-on-week change</option>
            </select>
          )}
        </Field>
      </div>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Programs side by side">
        <table data-table="side-by-side">
          <thead>
            <tr>
              {header('name', 'Program', false)}
              <th scope="col">Week of</th>
              {compared.map((figure) => header(figure.key, figure.label))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.programId} data-program-week={p.programId}>
                <th scope="row">
                  <a href={href(`/program/${p.programId}`)}>{p.name}</a>
                </th>
                <td>{weekName(p.week, p.timezone)}</td>
                {compared.map((figure) => (
                  <td class="num" key={figure.key} data-figure={figure.key}>
                    <Change
                      latest={p.latest[figure.name] ?? null}
                      previous={p.previous[figure.name] ?? null}
                      format={figure.format}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
