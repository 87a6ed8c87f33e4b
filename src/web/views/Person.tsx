// One applicant or organizer: everything about them, and every action the caller may take now (the API's
// allowedActions), each a form. After an action the panel shows the answer and keeps the focus where the work is.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import type { OrganizerDetailDto, ProgramDto } from '../api-types';
import { href, navigate } from '../router';
import { day, period, when } from '../time';
import { announce, DataTable, Failed, Kpi, Loading, money, number, TableSection, Tag, useData } from '../ui';
import { vocabulary } from '../vocabulary';
import { ActionForm } from './ActionForms';
import { boardReturnKey } from './Board';
import { History } from './History';
import { PersonWeeks } from './Weeks';
import { Links } from './Links';
import { Notes } from './Notes';
import { timesheetHours } from './Pay';

export function Person({ organizerId, openAction }: { organizerId: string; openAction?: string }) {
  const v = vocabulary();
  const { data, error, set } = useData(async () => {
    const detail = await get<OrganizerDetailDto>(`/api/organizers/${organizerId}`);
    // Organizers cannot read their program; their own actions need nothing from it.
    const program = await get<ProgramDto>(`/api/programs/${detail.programId}`).catch((e) => {
      if (e instanceof ApiError && e.status === 403) return undefined;
      throw e;
    });
    return { detail, program };
  }, [organizerId]);
  const [acting, setActing] = useState<string | undefined>(openAction);
  const [done, setDone] = useState<string>();
  const todo = useRef<HTMLHeadingElement>(null);
  useEffect(() => setActing(openAction), [organizerId, openAction]);

  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the person" />;
  const { detail: o, program } = data;
  const tz = o.timezone;
  announce(`${o.name} loaded`);
  const back = sessionStorage.getItem(boardReturnKey);
  const backHref = back && back.includes(o.programId) ? back : href(`/program/${o.programId}/board`);
  const openReminders = o.notifications.filter((n) => !n.resolvedAt);
  const available = o.actionForms.map((f) => f.action);
  const actingForm = o.actionForms.find((f) => f.action === acting);

  return (
    <>
      {program ? (
        <p>
          <a href={backHref}>← Board</a>
        </p>
      ) : null}
      <h1>{o.name}</h1>
      <p class="tags">
        <Tag>{v.stageLabel(o.stage)}</Tag>
        {o.atRisk ? <Tag tone="risk">at risk</Tag> : null}
        {o.overdueDebriefs ? <Tag tone="warn">{o.overdueDebriefs} overdue</Tag> : null}
        {o.paused ? <Tag>paused</Tag> : null}
        {o.flags.map((f) => (
          <Tag>{f.replace(/_/g, ' ')}</Tag>
        ))}
      </p>
      <p class="muted">
        {o.memberId} · {o.local ?? 'no local'} · {o.email}
        {o.phone ? ` · ${o.phone}` : ''} · in {v.stageLabel(o.stage).toLowerCase()} since {day(o.stageEnteredAt, tz)}
      </p>
      {o.ineligibleReasons.length ? (
        <div class="error">
          <p>Ineligible: {o.ineligibleReasons.join('; ')}.</p>
          {o.ineligibleInWords.length ? <p>As the applicant was told: {o.ineligibleInWords.join(' ')}</p> : null}
        </div>
      ) : null}

      <section class="todo" aria-labelledby="todo-heading">
        <h2 id="todo-heading" tabIndex={-1} ref={todo}>
          What to do now
        </h2>
        {done ? (
          <p class="ok" role="status">
            {done}
          </p>
        ) : null}
        {acting && actingForm ? (
          <ActionForm
            key={acting}
            form={actingForm}
            organizer={o}
            onCancel={() => {
              setActing(undefined);
              setTimeout(() => todo.current?.focus());
            }}
            onDone={(detail) => {
              set({ detail, program });
              setDone(`${actingForm.label}: done. ${detail.name} is ${v.stageLabel(detail.stage).toLowerCase()}.`);
              setActing(undefined);
              if (openAction) navigate(`/organizer/${organizerId}`, undefined, true);
              setTimeout(() => todo.current?.focus());
            }}
          />
        ) : available.length ? (
          <ul class="action-buttons">
            {available.map((action) => (
              <li>
                <button
                  type="button"
                  class={['reject', 'withdraw', 'terminate'].includes(action) ? 'secondary danger' : undefined}
                  onClick={() => {
                    setDone(undefined);
                    setActing(action);
                  }}
                >
                  {v.actionLabel(action)}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">
            {v.openStages.includes(o.stage)
              ? 'Nothing for you to do on this record now.'
              : `The record is closed (${v.stageLabel(o.stage).toLowerCase()}).`}
          </p>
        )}
      </section>

      <div class="kpis">
        <Kpi name="Member" value={o.memberId} id="memberId" />
        <Kpi
          name="Next debrief due"
          value={o.nextDebriefDueAt ? when(o.nextDebriefDueAt, tz) : '—'}
          id="nextDebriefDueAt"
        />
        <Kpi name="Debriefs" value={number(o.totals.debriefs ?? 0)} id="debriefs" />
        <Kpi name="Group debriefs" value={number(o.totals.groupDebriefs ?? 0)} id="groupDebriefs" />
        <Kpi name="Ride-alongs" value={number(o.rideAlongCount)} id="rideAlongs" />
      </div>

      {o.screening || o.offer || o.rolePlay ? (
        <section aria-labelledby="hiring-heading">
          <h2 id="hiring-heading">Hiring</h2>
          <dl class="facts">
            {o.screening ? (
              <>
                <dt>Screening</dt>
                <dd>
                  {when(o.screening.at, tz)}, {o.screening.location}
                </dd>
                {o.screening.answerInWords ? (
                  <>
                    <dt>Their answer</dt>
                    <dd data-screening-answer>
                      {o.screening.answerInWords}
                      {o.screening.rsvp?.note ? ` “${o.screening.rsvp.note}”` : ''}
                    </dd>
                  </>
                ) : null}
              </>
            ) : null}
            {o.rolePlay ? (
              <>
                <dt>Role-play</dt>
                <dd>
                  {Object.entries(o.rolePlay.scores)
                    .map(([criterion, score]) => `${criterion} ${score}/5`)
                    .join(', ')}
                  ; {o.rolePlay.decision === 'offer' ? 'offered' : 'not selected'}
                  {o.rolePlay.scoredAt
                    ? ` (${day(o.rolePlay.scoredAt, tz)}${o.rolePlay.scoredByInWords ? `, ${o.rolePlay.scoredByInWords}` : ''})`
                    : ''}
                </dd>
              </>
            ) : null}
            {o.offer ? (
              <>
                <dt>Offer</dt>
                <dd>
                  {o.offer.termsInWords}; lapses {when(o.offer.expiresAt, tz)}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      <div class="grid-2">
        <History organizer={o} staff={program !== undefined} />
        <section aria-labelledby="reminders-heading">
          <h2 id="reminders-heading">Open reminders ({openReminders.length})</h2>
          {openReminders.length ? (
            <ul class="reminders">
              {openReminders.map((n) => (
                <li>
                  {n.summary}{' '}
                  <span class="muted small">
                    ({when(n.createdAt, tz)}, to the {n.recipientRole})
                  </span>
                  {n.rule ? <div class="muted small">Why: {n.rule}.</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">None open.</p>
          )}
          {o.pendingDebriefPeriods.length ? (
            <>
              <h3>Debriefs owed</h3>
              <ul>
                {o.pendingDebriefPeriods.map((p) => (
                  <li>
                    {when(p.start, tz)} to {when(p.end, tz)}
                    {p.overdue ? <Tag tone="warn">overdue</Tag> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      <PersonWeeks organizerId={o.id} />
      <Links organizerId={o.id} timezone={tz} />
      {program ? <Notes organizerId={o.id} timezone={tz} /> : null}

      <TableSection
        heading="Work plans"
        hideWhenEmpty
        caption="Each period's plan against what its debrief reported"
        testid="work-plans"
        rows={o.workPlans}
        columns={[
          { name: 'Week of', cell: (w) => day(w.periodStart, tz) },
          {
            name: 'Plan against reported',
            cell: (w) => {
              const reported = o.debriefs.find((d) => d.periodStart === w.periodStart) as
                (Record<string, unknown> & { metrics?: Record<string, number> }) | undefined;
              return Object.entries(w.targets)
                .map(([name, target]) => {
                  const got = reported ? (reported[name] ?? reported.metrics?.[name]) : undefined;
                  return `${name}: ${got === undefined ? '—' : number(Number(got))} of ${number(target)}`;
                })
                .join(', ');
            },
          },
          { name: 'To reach', cell: (w) => w.notes ?? '' },
        ]}
      />

      <TableSection
        heading="Pay periods"
        hideWhenEmpty
        caption="Newest first: a period is payable once its time sheet and debriefs are in and it is approved"
        testid="pay-periods"
        rows={o.payPeriods}
        columns={[
          { name: 'Period', cell: (p) => period(p, tz) },
          { name: 'Status', cell: (p) => p.status },
          {
            name: 'Hours',
            cell: (p) =>
              p.hours !== undefined
                ? `${number(p.paidHours!)} paid of ${number(p.hours)}`
                : p.timesheet
                  ? number(timesheetHours(p.timesheet))
                  : '—',
          },
          {
            name: 'Amount',
            cell: (p) =>
              p.amountMinor !== undefined ? money(p.amountMinor + (p.allowancesMinor ?? 0), p.currency) : '—',
          },
        ]}
      />

      <TableSection
        heading="Debriefs"
        caption="Newest first"
        testid="debriefs"
        rows={o.debriefs}
        columns={[
          { name: 'Week of', cell: (d) => day(d.periodStart, tz) },
          { name: 'Hours', num: true, cell: (d) => number(d.hours) },
          { name: 'Conversations', num: true, cell: (d) => number(d.conversations) },
          { name: 'One-on-ones', num: true, cell: (d) => number(d.oneOnOnes) },
          { name: 'Leaders', num: true, cell: (d) => number(d.leadersIdentified) },
          {
            name: 'How',
            cell: (d) =>
              [d.inPerson ? 'in person' : 'remote', d.group ? ', group' : '', d.late ? ' (late)' : ''].join(''),
          },
          ...(program?.policy.debriefMetrics?.length
            ? [
                {
                  name: 'Also',
                  cell: (d: (typeof o.debriefs)[number]) =>
                    Object.entries(d.metrics ?? {})
                      .map(([m, n]) => `${m}: ${number(n)}`)
                      .join(', '),
                },
              ]
            : []),
          { name: 'Notes', cell: (d) => d.notes ?? '' },
        ]}
      />
      <div class="grid-2">
        <DataTable
          caption="Trainings"
          rows={o.trainings}
          columns={[
            { name: 'Training', cell: (t) => t.training },
            { name: 'Completed', cell: (t) => day(t.completedAt, tz) },
          ]}
        />
        <DataTable
          caption="Ride-alongs"
          rows={o.rideAlongs}
          columns={[
            { name: 'Date', cell: (r) => r.date.slice(0, 10) },
            { name: 'With', cell: (r) => r.staff },
          ]}
        />
      </div>
    </>
  );
}
