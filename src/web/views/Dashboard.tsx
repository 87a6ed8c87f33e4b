// The numbers: every program's pipeline (national, admin) and one program's, as the dashboard always showed them.
import { get } from '../api';
import type {
  CallerDto,
  GoalProgressListDto,
  OrganizerListDto,
  PipelineDto,
  ProgramPipelineDto,
  WeeklyReportListDto,
  OrganizerDto,
} from '../api-types';
import { href } from '../router';
import { day, waited } from '../time';
import {
  announce,
  DataTable,
  Failed,
  Kpi,
  Loading,
  number,
  percent,
  saveFile,
  TableSection,
  Tag,
  useData,
} from '../ui';
import { vocabulary } from '../vocabulary';
import { ProgramWeeks, SideBySide } from './Weeks';
import { OpenReport, ReportList, reportsAtATime } from './Report';
import { Goals } from './Goals';

async function downloadCsv(programId?: string) {
  await saveFile(`/api/dashboard/pipeline.csv${programId ? `?programId=${programId}` : ''}`, 'pipeline.csv');
  announce('Pipeline CSV downloaded');
}

type Figures = Pick<
  ProgramPipelineDto,
  | 'applications'
  | 'hired'
  | 'conversion'
  | 'stages'
  | 'overdueDebriefs'
  | 'atRisk'
  | 'activity'
  | 'groupDebriefsMissing'
>;

function Kpis({ figures }: { figures: Figures }) {
  return (
    <div class="kpis">
      <Kpi name="Applications" value={number(figures.applications)} id="applications" />
      <Kpi name="Hired" value={number(figures.hired)} id="hired" />
      <Kpi name="Applied → hired" value={percent(figures.conversion)} id="conversion" />
      <Kpi name="Active" value={number(figures.stages.active ?? 0)} id="active" />
      <Kpi
        name="Overdue debriefs"
        value={number(figures.overdueDebriefs)}
        id="overdueDebriefs"
        tone={figures.overdueDebriefs ? 'warn' : ''}
      />
      <Kpi name="At risk" value={number(figures.atRisk)} id="atRisk" tone={figures.atRisk ? 'risk' : ''} />
    </div>
  );
}

function Activity({ figures }: { figures: Figures }) {
  const a = figures.activity;
  return (
    <div class="kpis">
      <Kpi name="Debriefs" value={number(a.debriefs)} id="debriefs" />
      <Kpi name="Hours" value={number(a.hours)} id="hours" />
      <Kpi name="Conversations" value={number(a.conversations)} id="conversations" />
      <Kpi name="One-on-ones" value={number(a.oneOnOnes)} id="oneOnOnes" />
      <Kpi name="Leaders identified" value={number(a.leadersIdentified)} id="leadersIdentified" />
      <Kpi
        name="Group debriefs missed"
        value={number(figures.groupDebriefsMissing)}
        id="groupDebriefsMissing"
        tone={figures.groupDebriefsMissing ? 'warn' : ''}
      />
    </div>
  );
}

/** A bar per stage, open stages first, each with its count written beside it (so the numbers are text). */
function Funnel({ stages, title }: { stages: Record<string, number>; title: string }) {
  const v = vocabulary();
  const rows = [...v.openStages, ...v.closedStages];
  const max = Math.max(1, ...rows.map((s) => stages[s] ?? 0));
  return (
    <figure class="funnel card">
      <figcaption>{title}</figcaption>
      <ol>
        {rows.map((stage) => {
          const count = stages[stage] ?? 0;
          return (
            <li class={v.openStages.includes(stage) ? 'open' : 'closed'}>
              <span class="label">{v.stageLabel(stage)}</span>
              <span class="track" aria-hidden="true">
                {/* Through the CSS object model, which the page's content policy allows (unlike style attributes). */}
                <span class="fill" style={{ width: `${(100 * count) / max}%` }} />
              </span>
              <span class="count" data-stage={stage}>
                {number(count)}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="muted legend">Organizers by stage, now. Blue: in the pipeline; grey: closed.</p>
    </figure>
  );
}

export function PersonLink({ person }: { person: { id: string; name: string } }) {
  return <a href={href(`/organizer/${person.id}`)}>{person.name}</a>;
}

export function Flags({ person }: { person: Pick<OrganizerDto, 'atRisk' | 'overdueDebriefs' | 'paused'> }) {
  return (
    <>
      {person.atRisk ? <Tag tone="risk">at risk</Tag> : null}
      {person.overdueDebriefs ? <Tag tone="warn">{person.overdueDebriefs} overdue</Tag> : null}
      {person.paused ? <Tag>paused</Tag> : null}
    </>
  );
}

export function Overview() {
  const { data, error } = useData(() => get<PipelineDto>('/api/dashboard/pipeline'), []);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the programs" />;
  announce('All programs loaded');
  const t = data.totals;
  return (
    <>
      <h1>All programs</h1>
      <p class="muted">
        Activity from {day(data.from)} to {day(data.to)}.
      </p>
      <Kpis figures={t} />
      <h2>Pipeline</h2>
      <Funnel stages={t.stages} title="Organizers by stage across all programs" />
      <TableSection
        heading="Programs"
        caption={data.programs.length === 1 ? '1 program' : `${data.programs.length} programs`}
        testid="programs"
        rows={data.programs}
        columns={[
          {
            name: 'Program',
            cell: (p) => (
              <a href={href(`/program/${p.programId}`)} data-program={p.programId}>
                {p.name}
              </a>
            ),
          },
          { name: 'Affiliate', cell: (p) => p.affiliate },
          { name: 'Applications', num: true, cell: (p) => number(p.applications) },
          { name: 'Hired', num: true, cell: (p) => number(p.hired) },
          { name: 'Conversion', num: true, cell: (p) => percent(p.conversion) },
          { name: 'Active', num: true, cell: (p) => number(p.stages.active ?? 0) },
          { name: 'Overdue', num: true, cell: (p) => number(p.overdueDebriefs) },
          { name: 'At risk', num: true, cell: (p) => number(p.atRisk) },
          { name: 'Goals', cell: (p) => <GoalsOnTrack programId={p.programId} /> },
        ]}
      />
      <SideBySide />
      <h2>Activity in the last four weeks</h2>
      <Activity figures={t} />
      <p class="actions">
        <button type="button" class="secondary" onClick={() => void downloadCsv()}>
          Download pipeline CSV
        </button>
      </p>
    </>
  );
}

/** A program's goals in a word for the overview: how many are on track at the current pace (its page has each one). */
function GoalsOnTrack({ programId }: { programId: string }) {
  const { data } = useData(() => get<GoalProgressListDto>(`/api/programs/${programId}/goals`), [programId]);
  if (!data) return null;
  if (!data.items.length) return <span class="muted">none set</span>;
  const onTrack = data.items.filter((g) => g.onTrack).length;
  return (
    <span data-goals={programId}>
      {onTrack} of {data.items.length} on track
    </span>
  );
}

export function ProgramDashboard({ programId, me }: { programId: string; me: CallerDto }) {
  const { data, error } = useData(
    () =>
      Promise.all([
        get<PipelineDto>(`/api/dashboard/pipeline?programId=${programId}`),
        get<OrganizerListDto>(`/api/programs/${programId}/organizers?overdue=true&limit=50`),
        get<OrganizerListDto>(`/api/programs/${programId}/organizers?atRisk=true&limit=50`),
        get<OrganizerListDto>(`/api/programs/${programId}/organizers?limit=50`),
        get<WeeklyReportListDto>(`/api/programs/${programId}/reports?limit=${reportsAtATime}`),
        get<GoalProgressListDto>(`/api/programs/${programId}/goals`),
      ]),
    [programId],
  );
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the program" />;
  const [pipeline, overdue, atRisk, recent, reports, goals] = data;
  const p = pipeline.programs[0];
  const v = vocabulary();
  announce(`${p.name} loaded`);
  const people = [
    { name: 'Name', cell: (o: OrganizerDto) => <PersonLink person={o} /> },
    { name: 'Stage', cell: (o: OrganizerDto) => <Tag>{v.stageLabel(o.stage)}</Tag> },
    { name: 'Since', cell: (o: OrganizerDto) => day(o.stageEnteredAt) },
    { name: 'Flags', cell: (o: OrganizerDto) => <Flags person={o} /> },
  ];
  return (
    <>
      <h1>{p.name}</h1>
      <p class="muted">{p.affiliate}</p>
      <Kpis figures={p} />
      <div class="grid-2">
        <section>
          <h2>Pipeline</h2>
          <Funnel stages={p.stages} title={`Organizers by stage in ${p.name}`} />
        </section>
        <section>
          <TableSection
            heading="Where people wait"
            caption="Median time in stage (organizers in it now)"
            rows={Object.entries(p.medianDaysInStage)}
            columns={[
              { name: 'Stage', cell: (row) => v.stageLabel(row[0]) },
              {
                name: 'Median time',
                num: true,
                cell: ([stage, days]) => (days === null ? '—' : waited(days, p.medianHoursInStage[stage] ?? days * 24)),
              },
            ]}
          />
          <p class="muted">
            {p.rideAlongs.meetingRequirement} of {p.rideAlongs.active} active organizers have all their ride-alongs.
          </p>
        </section>
      </div>
      <Goals goals={goals.items} />
      <ProgramWeeks programId={programId} />
      <h2>Needs attention</h2>
      <div class="grid-2">
        <DataTable
          caption={`Overdue debriefs (${overdue.total})`}
          columns={people}
          rows={overdue.items}
          testid="overdue"
        />
        <DataTable caption={`At risk (${atRisk.total})`} columns={people} rows={atRisk.items} testid="at-risk" />
      </div>
      <h2>Activity in the last four weeks</h2>
      <Activity figures={p} />
      <ReportList programId={programId} first={reports} />
      <OpenReport programId={programId} me={me} />
      <TableSection
        heading="Organizers"
        caption={`Newest applications (${recent.items.length} of ${recent.total})`}
        columns={people}
        rows={recent.items}
        testid="organizers"
      />
      <p class="actions">
        <button type="button" class="secondary" onClick={() => void downloadCsv(programId)}>
          Download this pipeline as CSV
        </button>
      </p>
    </>
  );
}
