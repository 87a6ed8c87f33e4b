// A program's settings for its coordinators and national staff: the policy beside its preset, the rubric and
// trainings, the term, goals; the member roster from a CSV file; and the organizers' accounts.
import { useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type {
  GoalDto,
  CreatedUserDto,
  OrganizerListDto,
  PresetsDto,
  ProgramDto,
  RehearsalResultDto,
  RosterImportDto,
  UserDto,
  UserListDto,
} from '../api-types';
import { day, when } from '../time';
import { announce, Failed, Field, FormAlert, inputValue, Loading, Tag, useData } from '../ui';
import { vocabulary } from '../vocabulary';
import { PolicyComparison, Rehearsal, rehearsalBody, starting } from './Rehearsal';

/** Policy fields edited as text (durations such as "7 days", numbers, lists), each shown beside the preset's value. */
const policyFields: { path: string; label: string; kind: 'duration' | 'number' | 'list' }[] = [
  { path: 'stageSla.applied', label: 'Time to screen an applicant', kind: 'duration' },
  { path: 'stageSla.screening', label: 'Time from screening to role-play', kind: 'duration' },
  { path: 'stageSla.role_play', label: 'Time to score a role-play', kind: 'duration' },
  { path: 'stageSla.training', label: 'Time to finish training', kind: 'duration' },
  { path: 'stageSla.ride_along', label: 'Time to the first ride-alongs', kind: 'duration' },
  { path: 'offerExpiresAfter', label: 'An offer lapses after', kind: 'duration' },
  { path: 'hoursPerWeek', label: 'Hours a week applicants commit to (at least)', kind: 'number' },
  { path: 'requiredTrainings', label: 'Required trainings (comma-separated)', kind: 'list' },
  { path: 'rolePlayRubric', label: 'Role-play rubric criteria (comma-separated)', kind: 'list' },
  { path: 'debriefMetrics', label: 'Counts a debrief also reports (comma-separated)', kind: 'list' },
  { path: 'initialRideAlongs', label: 'Ride-alongs before active', kind: 'number' },
  { path: 'requiredRideAlongs', label: 'Ride-alongs required in the window', kind: 'number' },
  { path: 'rideAlongWindow', label: 'Ride-along window', kind: 'duration' },
  { path: 'debriefEvery', label: 'A debrief every', kind: 'duration' },
  { path: 'debriefGrace', label: 'Overdue after', kind: 'duration' },
  { path: 'escalateAfter', label: 'Escalated to the coordinator after', kind: 'duration' },
  { path: 'reminderSpread', label: 'Reminders spread over (after each deadline)', kind: 'duration' },
  { path: 'atRiskAfterMissed', label: 'At risk after this many missed in a row', kind: 'number' },
  { path: 'groupDebriefEvery', label: 'An in-person group debrief every', kind: 'duration' },
  { path: 'termLength', label: 'Term length', kind: 'duration' },
];

const read = (policy: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], policy);
const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

function PolicyForm({
  program,
  preset,
  onSaved,
}: {
  program: ProgramDto;
  preset?: Record<string, unknown>;
  onSaved: (p: ProgramDto) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(policyFields.map((f) => [f.path, shown(read(program.policy, f.path))])),
  );
  const [termEnd, setTermEnd] = useState(program.termEnd?.slice(0, 10) ?? '');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [comparison, setComparison] = useState<RehearsalResultDto>();
  const problem = (field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);
  /** The fields changed from the policy as it is. */
  const changedPolicy = () => {
    const policy: Record<string, unknown> = {};
    for (const f of policyFields) {
      const before = shown(read(program.policy, f.path));
      const now = values[f.path].trim();
      if (now === before) continue;
      const value =
        f.kind === 'number'
          ? Number(now)
          : f.kind === 'list'
            ? now
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : now;
      const [head, tail] = f.path.split('.');
      if (tail) policy[head] = { ...(policy[head] as object), [tail]: value };
      else policy[head] = value;
    }
    return policy;
  };
  const compare = async () => {
    setError(undefined);
    setComparison(undefined);
    try {
      const body = rehearsalBody(program, starting, { compare: [{}, changedPolicy()] });
      setComparison(await send<RehearsalResultDto>('POST', `/api/programs/${program.id}/rehearsals`, body));
    } catch (caught) {
      // The changed policy is the second compared: its problems are the form's fields'.
      const asPolicy = (field: string) => field.replace(/^compare\.1\./, 'policy.');
      setError(
        caught instanceof ApiError
          ? new ApiError(
              caught.status,
              caught.message,
              caught.problems.map((p) => ({ ...p, field: asPolicy(p.field) })),
            )
          : caught,
      );
    }
  };
  return (
    <form
      class="card"
      aria-labelledby="policy-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(undefined);
        setSaved(false);
        const policy = changedPolicy();
        const body = {
          ...(Object.keys(policy).length ? { policy } : {}),
          ...(termEnd !== (program.termEnd?.slice(0, 10) ?? '') ? { termEnd: termEnd || null } : {}),
        };
        if (!Object.keys(body).length) return setSaved(true);
        try {
          const updated = await send<ProgramDto>('PATCH', `/api/programs/${program.id}`, body);
          onSaved(updated);
          setSaved(true);
          announce('Policy saved');
        } catch (caught) {
          setError(caught);
        }
      }}
    >
      <h2 id="policy-heading">Policy</h2>
      <p class="muted small">
        Durations are written like “7 days”, “36 hours” or “1 month”. A change reaches running organizers from their
        next period.
      </p>
      <FormAlert error={error} fields={['policy', 'termEnd']} />
      {policyFields.map((f) => (
        <Field
          name={f.path}
          label={f.label}
          hint={preset ? `Preset: ${shown(read(preset, f.path)) || 'none'}` : undefined}
          error={problem(`policy.${f.path}`)}
        >
          {(props) => (
            <input
              {...props}
              value={values[f.path]}
              onInput={(e) => setValues({ ...values, [f.path]: inputValue(e) })}
            />
          )}
        </Field>
      ))}
      <Field
        name="termEnd"
        label="Term ends (optional)"
        hint={`The term started ${day(program.termStart, program.timezone)}.`}
        error={problem('termEnd')}
      >
        {(props) => <input {...props} type="date" value={termEnd} onInput={(e) => setTermEnd(inputValue(e))} />}
      </Field>
      {saved ? (
        <p class="ok" role="status">
          Saved.
        </p>
      ) : null}
      {comparison ? <PolicyComparison program={program} result={comparison} /> : null}
      <p class="actions">
        <button type="button" onClick={() => void compare()}>
          Compare with the policy as it is
        </button>
        <button type="submit">Save policy</button>
      </p>
    </form>
  );
}

interface GoalRow {
  name: string;
  metric: string;
  scope: string;
  target: string;
  percentOfMembers: string;
  by: string;
  /** A note kept from the old form: shown and kept, not edited here. */
  note?: GoalDto['note'];
}

const goalRow = (g: GoalDto): GoalRow => ({
  name: g.name,
  metric: g.metric ?? '',
  scope: g.scope ?? 'program',
  target: g.target === undefined ? '' : String(g.target),
  percentOfMembers: g.percentOfMembers === undefined ? '' : String(g.percentOfMembers),
  by: g.by ?? '',
  ...(g.note !== undefined ? { note: g.note } : {}),
});

/** The goals as the API takes them; a field left empty is left out, so the API names what is missing. */
function goalOf(r: GoalRow): Record<string, unknown> {
  if (r.note !== undefined) return { name: r.name, note: r.note };
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return Object.fromEntries(
    Object.entries({
      name: r.name.trim(),
      metric: r.metric,
      scope: r.scope,
      target: number(r.target),
      percentOfMembers: r.scope === 'local' ? number(r.percentOfMembers) : undefined,
      by: r.by || undefined,
    }).filter(([, value]) => value !== undefined),
  );
}

function GoalsForm({ program, onSaved }: { program: ProgramDto; onSaved: (p: ProgramDto) => void }) {
  const v = vocabulary();
  const metrics = [...v.goalMetrics, ...(program.policy.debriefMetrics ?? []).map((name) => ({ name, label: name }))];
  const [rows, setRows] = useState<GoalRow[]>(() => program.goals.map(goalRow));
  const [error, setError] = useState<unknown>();
  const problem = (i: number, field: string) =>
    error instanceof ApiError ? error.problemFor(`goals[${i}].${field}`) : undefined;
  const set = (i: number, field: keyof GoalRow) => (e: Event) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [field]: inputValue(e) } : r)));
  return (
    <form
      class="card"
      aria-labelledby="goals-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(undefined);
        const goals = rows.filter((r) => r.name.trim()).map(goalOf);
        try {
          onSaved(await send<ProgramDto>('PATCH', `/api/programs/${program.id}`, { goals }));
          announce('Goals saved');
        } catch (caught) {
          setError(caught);
        }
      }}
    >
      <h2 id="goals-heading">Goals</h2>
      <p class="muted small">Progress and a forecast at the current pace show on the program's page.</p>
      <FormAlert error={error} fields={rows.map((_, i) => `goals[${i}]`)} />
      {rows.map((row, i) =>
        row.note !== undefined ? (
          <p class="goal-row muted">
            {row.name}: {String(row.note)} (a note, not measured)
          </p>
        ) : (
          <fieldset class="goal-row">
            <legend>Goal {i + 1}</legend>
            <Field name={`goal-name-${i}`} label="Name" error={problem(i, 'name')}>
              {(props) => <input {...props} value={row.name} onInput={set(i, 'name')} />}
            </Field>
            <Field name={`goal-metric-${i}`} label="Counts" error={problem(i, 'metric')}>
              {(props) => (
                <select {...props} value={row.metric} onChange={set(i, 'metric')}>
                  <option value="">Choose…</option>
                  {metrics.map((m) => (
                    <option value={m.name}>{m.label}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field name={`goal-scope-${i}`} label="For" error={problem(i, 'scope')}>
              {(props) => (
                <select {...props} value={row.scope} onChange={set(i, 'scope')}>
                  {v.goalScopes.map((s) => (
                    <option value={s.name}>{s.label}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field name={`goal-target-${i}`} label="Target" error={problem(i, 'target')}>
              {(props) => <input {...props} type="number" min="0" value={row.target} onInput={set(i, 'target')} />}
            </Field>
            {row.scope === 'local' ? (
              <Field
                name={`goal-percent-${i}`}
                label="Or % of the local's members"
                error={problem(i, 'percentOfMembers')}
              >
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min="0"
                    max="100"
                    value={row.percentOfMembers}
                    onInput={set(i, 'percentOfMembers')}
                  />
                )}
              </Field>
            ) : null}
            <Field name={`goal-by-${i}`} label="By (empty: the term's end)" error={problem(i, 'by')}>
              {(props) => <input {...props} type="date" value={row.by} onInput={set(i, 'by')} />}
            </Field>
          </fieldset>
        ),
      )}
      <p class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            setRows([...rows, { name: '', metric: '', scope: 'program', target: '', percentOfMembers: '', by: '' }])
          }
        >
          Add a goal
        </button>
        <button type="submit">Save goals</button>
      </p>
    </form>
  );
}

function RosterUpload({ programId }: { programId: string }) {
  const [result, setResult] = useState<RosterImportDto>();
  const [error, setError] = useState<unknown>();
  return (
    <section class="card" aria-labelledby="roster-heading">
      <h2 id="roster-heading">Member roster</h2>
      <p class="muted small">
        A CSV with the columns memberId, name, local, status. It replaces the roster; applications are checked against
        it.
      </p>
      <Field name="roster" label="Roster file (CSV)">
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,text/csv"
            onChange={async (event) => {
              const file = (event.target as HTMLInputElement).files?.[0];
              if (!file) return;
              setError(undefined);
              setResult(undefined);
              try {
                const imported = await send<RosterImportDto>(
                  'POST',
                  `/api/programs/${programId}/roster`,
                  await file.text(),
                  {
                    'content-type': 'text/csv',
                  },
                );
                setResult(imported);
                announce(`Roster: ${imported.accepted} members, ${imported.rejectedCount} lines refused`);
              } catch (caught) {
                setError(caught);
              }
            }}
          />
        )}
      </Field>
      <FormAlert error={error} />
      {result ? (
        <div role="status">
          <p class="ok">{result.accepted} members on the roster.</p>
          {result.rejectedCount ? (
            <>
              <p class="error">
                {result.rejectedCount} lines refused
                {result.rejectedCount > result.rejected.length ? ` (the first ${result.rejected.length} below)` : ''}:
              </p>
              <ul>
                {result.rejected.map((r) => (
                  <li>
                    Line {r.line}: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function People({ programId }: { programId: string }) {
  const { data, error, reload } = useData(
    () =>
      Promise.all([
        get<UserListDto>(`/api/users?programId=${programId}`),
        get<OrganizerListDto>(`/api/programs/${programId}/organizers?limit=200`),
      ]),
    [programId],
  );
  const [organizerId, setOrganizerId] = useState('');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<CreatedUserDto>();
  const [formError, setFormError] = useState<unknown>();
  if (error instanceof ApiError && error.status === 403)
    return (
      <section class="card">
        <h2>People</h2>
        <p class="muted">The program's coordinators manage its organizers' accounts.</p>
      </section>
    );
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the accounts" />;
  const [users, organizers] = data;
  const withAccount = new Set(users.items.filter((u) => !u.revokedAt).map((u) => u.organizerId));
  const candidates = organizers.items.filter((o) => !withAccount.has(o.id));
  const problem = (field: string) => (formError instanceof ApiError ? formError.problemFor(field) : undefined);
  const chosen = organizers.items.find((o) => o.id === organizerId);
  return (
    <section class="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul class="accounts">
        {users.items.map((u: UserDto) => (
          <li>
            {u.name} <span class="muted small">{u.email}</span> <Tag>{u.role}</Tag>
            {u.revokedAt ? (
              <Tag tone="warn">revoked</Tag>
            ) : u.role === 'organizer' ? (
              <>
                <button
                  type="button"
                  class="quiet"
                  onClick={async () => {
                    const sent = await send<{ invitedUntil: string }>('POST', `/api/users/${u.id}/invite`, {});
                    announce(`A new invitation went to ${u.email}; it works until ${when(sent.invitedUntil)}`);
                  }}
                >
                  Resend {u.name}'s invitation
                </button>
                <button
                  type="button"
                  class="quiet"
                  onClick={async () => {
                    await send('POST', `/api/users/${u.id}/revoke`, {});
                    announce(`${u.name}'s access revoked`);
                    void reload();
                  }}
                >
                  Revoke {u.name}'s access
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setFormError(undefined);
          try {
            const user = await send<CreatedUserDto>('POST', '/api/users', {
              email: email || chosen?.email,
              name: chosen?.name,
              role: 'organizer',
              organizerId,
              apiToken: false,
            });
            setCreated(user);
            announce(`Account created for ${user.name}`);
            void reload();
          } catch (caught) {
            setFormError(caught);
          }
        }}
      >
        <h3>Give an organizer an account</h3>
        <FormAlert error={formError} fields={['organizerId', 'email']} />
        <Field name="organizerId" label="Organizer" error={problem('organizerId')}>
          {(props) => (
            <select
              {...props}
              required
              value={organizerId}
              onChange={(e) => {
                setOrganizerId(inputValue(e));
                setEmail(organizers.items.find((o) => o.id === inputValue(e))?.email ?? '');
              }}
            >
              <option value="">Choose someone</option>
              {candidates.map((o) => (
                <option value={o.id}>{o.name}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="email" label="Email" error={problem('email')}>
          {(props) => <input {...props} type="email" required value={email} onInput={(e) => setEmail(inputValue(e))} />}
        </Field>
        <p class="actions">
          <button type="submit">Create account</button>
        </p>
      </form>
      {created ? (
        <p role="status">
          {created.invitedUntil
            ? `${created.name} has an account: an invitation to sign in went to ${created.email}; it works until ${when(created.invitedUntil)}.`
            : `${created.name} has an account. Email is not set up here, so no invitation was sent: they sign in from this page with ${created.email}.`}
        </p>
      ) : null}
    </section>
  );
}

export function Settings({ programId }: { programId: string }) {
  const v = vocabulary();
  const { data, error, set } = useData(
    () => Promise.all([get<ProgramDto>(`/api/programs/${programId}`), get<PresetsDto>('/api/policy-presets')]),
    [programId],
  );
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the settings" />;
  const [program, presets] = data;
  const preset = presets.items.find((p) => p.kind === program.kind)?.policy;
  announce('Settings loaded');
  return (
    <>
      <h1>Settings</h1>
      <p class="muted">
        {program.name} · {program.affiliate} · {program.timezone} · requires:{' '}
        {program.policy.requiredAttestations.map((a) => v.attestationLabel(a).toLowerCase()).join(', ')}
      </p>
      <div class="grid-2">
        <PolicyForm program={program} preset={preset} onSaved={(p) => set([p, presets])} />
        <div>
          <GoalsForm program={program} onSaved={(p) => set([p, presets])} />
          <RosterUpload programId={programId} />
          <People programId={programId} />
        </div>
      </div>
      <Rehearsal program={program} />
    </>
  );
}
