// Group sessions: one screening (time, place) for many applicants, or one in-person group debrief recorded for all who
// came; then a screening's result sheet. Each person's part is an action on their own record, so the answer is
// person by person: done, or refused and why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type {
  BoardCardDto,
  CreatedSessionDto,
  GroupSessionDto,
  GroupSessionListDto,
  PersonResultDto,
  SessionResultsDto,
} from '../api-types';
import { href } from '../router';
import { bodyOf, fieldNames, FormFields, type Values } from '../form';
import { when, zonedLocal } from '../time';
import { announce, Failed, Field, FormAlert, inputValue, Loading, Tag, useData } from '../ui';
import { vocabulary } from '../vocabulary';

export const groupActions = ['schedule-screening', 'record-group-debrief'] as const;
export type GroupAction = (typeof groupActions)[number];

/** Each person's answer: done (their stage now) or not done, and why. */
export function Results({ results, heading }: { results: PersonResultDto[]; heading: string }) {
  const v = vocabulary();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [results]);
  const done = results.filter((r) => r.ok).length;
  return (
    <section class="results" aria-labelledby="results-heading">
      <h3 id="results-heading" tabIndex={-1} ref={ref}>
        {heading}: {done} done, {results.length - done} not done
      </h3>
      <ul>
        {results.map((r) => (
          <li data-result={r.organizerId} class={r.ok ? 'done' : 'refused'}>
            {r.name ? <a href={href(`/organizer/${r.organizerId}`)}>{r.name}</a> : 'Someone not in this program'}{' '}
            {r.ok ? <Tag tone="ok">done</Tag> : <Tag tone="warn">not done</Tag>}{' '}
            {r.stage ? <span class="muted">now {v.stageLabel(r.stage).toLowerCase()}</span> : null}
            {r.message ? <p class="small">{r.message}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function GroupSessionForm({
  programId,
  timezone,
  action,
  people,
  onClose,
  onDone,
}: {
  programId: string;
  timezone: string;
  action: GroupAction;
  people: BoardCardDto[];
  onClose: () => void;
  onDone: () => void;
}) {
  const screening = action === 'schedule-screening';
  const v = vocabulary();
  // Everyone's part is the action: its fields, as its definition gives them, and the session's own notes.
  const fields = v.actionFields(action);
  const timeField = fields.find((f) => f.kind === 'moment')?.name ?? 'at';
  const [values, setValues] = useState<Values>(() => ({
    [timeField]: zonedLocal(new Date(Date.now() + (screening ? 7 : 0) * 86_400_000).toISOString(), timezone),
  }));
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<PersonResultDto[]>();
  // One key per form: sending it again (a lost answer, a double click) returns the first session, nothing twice.
  const [key] = useState(() => crypto.randomUUID());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const title = screening ? 'Schedule a group screening' : 'Record an in-person group debrief';
  const problem = (field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);

  return (
    <section class="card session-form" aria-labelledby="session-heading">
      <h2 id="session-heading" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {results ? (
        <>
          <Results results={results} heading={screening ? 'Screening scheduled' : 'Group debrief recorded'} />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </>
      ) : (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(undefined);
            try {
              const body = {
                ...bodyOf(fields, values, timezone),
                ...(!screening && notes ? { notes } : {}),
                organizerIds: people.map((p) => p.id),
              };
              const path = screening ? 'group-screenings' : 'group-debriefs';
              const created = await send<CreatedSessionDto>('POST', `/api/programs/${programId}/${path}`, body, {
                'Idempotency-Key': key,
              });
              setResults(created.results);
              announce(`${created.results.filter((r) => r.ok).length} of ${created.results.length} done`);
              onDone();
            } catch (caught) {
              setError(caught);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>
            For {people.length} {people.length === 1 ? 'person' : 'people'}:
          </p>
          <ul class="preview small">
            {people.map((p) => (
              <li>{p.name}</li>
            ))}
          </ul>
          <FormAlert error={error} fields={[...fieldNames(fields), 'notes', 'organizerIds']} />
          <FormFields
            fields={fields}
            values={values}
            set={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
            error={error}
            timeZone={timezone}
          />
          {!screening ? (
            <Field name="notes" label="Notes" hint="Optional" error={problem('notes')}>
              {(props) => <textarea {...props} value={notes} onInput={(e) => setNotes(inputValue(e))} />}
            </Field>
          ) : null}
          {problem('organizerIds') ? <p class="field-error">{problem('organizerIds')}</p> : null}
          <p class="actions">
            <button type="submit" disabled={busy}>
              {screening ? `Schedule screening for ${people.length}` : `Record group debrief for ${people.length}`}
            </button>
            <button type="button" class="secondary" onClick={onClose}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

/** What a screening's sheet records for one person, in words: the three results a coordinator chooses from. */
const sheetResults = {
  advance: { label: 'Goes on', attended: true, advance: true },
  stop: { label: 'Does not go on', attended: true, advance: false },
  absent: { label: 'Did not come', attended: false, advance: false },
} as const;
type SheetResult = keyof typeof sheetResults;

/**
 * A screening's result sheet: one row per person, whose result is chosen (nothing is chosen for anyone beforehand, and
 * the sheet is not sent while someone is undecided), with a note; each row then shows what recording it answered.
 */
function ScreeningSheet({ session, onRecorded }: { session: GroupSessionDto; onRecorded: () => void }) {
  const open = session.members.filter((m) => m.outcome?.ok && !m.result?.ok);
  const [rows, setRows] = useState<Record<string, { result?: SheetResult; notes: string }>>(() =>
    Object.fromEntries(open.map((m) => [m.organizerId, { notes: '' }])),
  );
  const [undecided, setUndecided] = useState<string[]>([]);
  const [results, setResults] = useState<PersonResultDto[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sheet = useRef<HTMLFormElement>(null);
  const set = (id: string, patch: Partial<(typeof rows)[string]>) =>
    setRows({ ...rows, [id]: { ...rows[id], ...patch } });
  const allRecorded = <p class="muted">Every result of this screening is recorded.</p>;
  if (!open.length)
    return results ? (
      <>
        <Results results={results} heading="Results recorded" />
        {allRecorded}
      </>
    ) : (
      allRecorded
    );
  return (
    <form
      class="sheet"
      ref={sheet}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const missing = open.map((m) => m.organizerId).filter((id) => !rows[id].result);
        setUndecided(missing);
        if (missing.length) {
          announce(`Choose a result for ${missing.length} more`);
          sheet.current?.querySelector<HTMLInputElement>(`[name="result-${missing[0]}"]`)?.focus();
          return;
        }
        setBusy(true);
        setError(undefined);
        try {
          const answer = await send<SessionResultsDto>('POST', `/api/group-screenings/${session.id}/results`, {
            results: Object.entries(rows).map(([organizerId, r]) => ({
              organizerId,
              attended: sheetResults[r.result!].attended,
              advance: sheetResults[r.result!].advance,
              ...(r.notes ? { notes: r.notes } : {}),
            })),
          });
          setResults(answer.results);
          announce(`${answer.results.filter((r) => r.ok).length} of ${answer.results.length} results recorded`);
          onRecorded();
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
    >
      <FormAlert error={error} />
      {results ? <Results results={results} heading="Results recorded" /> : null}
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Results to record">
        <table>
          <caption>Results to record</caption>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Result</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {open.map((m) => {
              const missing = undecided.includes(m.organizerId) && !rows[m.organizerId].result;
              return (
                <tr data-sheet-row={m.organizerId}>
                  <th scope="row">{m.name}</th>
                  <td>
                    <fieldset class={`choice${missing ? ' invalid' : ''}`}>
                      <legend>Result for {m.name}</legend>
                      {(Object.keys(sheetResults) as SheetResult[]).map((result) => (
                        <label class="option">
                          <input
                            type="radio"
                            name={`result-${m.organizerId}`}
                            checked={rows[m.organizerId].result === result}
                            onChange={() => set(m.organizerId, { result })}
                            {...(missing ? { 'aria-invalid': 'true' as const } : {})}
                          />
                          {sheetResults[result].label}
                        </label>
                      ))}
                      {missing ? <p class="field-error">Choose a result for {m.name}</p> : null}
                    </fieldset>
                  </td>
                  <td>
                    <input
                      aria-label={`Note on ${m.name}`}
                      value={rows[m.organizerId].notes}
                      onInput={(e) => set(m.organizerId, { notes: inputValue(e) })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="actions">
        <button type="submit" disabled={busy}>
          Record screening results ({open.length})
        </button>
      </p>
    </form>
  );
}

export function Sessions({ programId, sessionId }: { programId: string; sessionId?: string }) {
  const { data, error, reload } = useData(
    () => get<GroupSessionListDto>(`/api/programs/${programId}/group-sessions`),
    [programId],
  );
  const [timezone, setTimezone] = useState<string>();
  useEffect(() => {
    get<{ timezone: string }>(`/api/programs/${programId}`)
      .then((p) => setTimezone(p.timezone))
      .catch(() => undefined);
  }, [programId]);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the group sessions" />;
  const v = vocabulary();
  const chosen = sessionId ? data.items.find((s) => s.id === sessionId) : undefined;
  if (chosen) {
    announce('Group session loaded');
    return (
      <>
        <p>
          <a href={href(`/program/${programId}/sessions`)}>← All group sessions</a>
        </p>
        <h1>
          {chosen.kind === 'screening' ? 'Group screening' : 'Group debrief'}, {when(chosen.at, timezone)}
        </h1>
        <p class="muted">
          {chosen.location ?? 'No place given'} · {chosen.members.length} people
        </p>
        {chosen.kind === 'screening' ? <Answers members={chosen.members} /> : null}
        {chosen.kind === 'screening' ? <ScreeningSheet session={chosen} onRecorded={() => void reload()} /> : null}
        <h2>Who was in it</h2>
        <ul class="people">
          {chosen.members.map((m) => (
            <li data-member={m.organizerId}>
              <a href={href(`/organizer/${m.organizerId}`)}>{m.name}</a>{' '}
              {m.outcome ? (
                m.outcome.ok ? (
                  <Tag tone="ok">{chosen.kind === 'screening' ? 'invited' : 'recorded'}</Tag>
                ) : (
                  <Tag tone="warn">not {chosen.kind === 'screening' ? 'invited' : 'recorded'}</Tag>
                )
              ) : (
                <Tag>in progress</Tag>
              )}{' '}
              {m.answerInWords ? (
                <Tag tone={m.answer === 'coming' ? 'ok' : m.answer === 'not_coming' ? 'warn' : undefined}>
                  {m.answerInWords}
                </Tag>
              ) : null}{' '}
              {m.answerNote ? <span class="small">“{m.answerNote}”</span> : null}{' '}
              {m.result ? (
                <span class="small">
                  {m.result.ok
                    ? `result recorded: now ${v.stageLabel(m.result.stage).toLowerCase()}`
                    : `result not recorded: ${m.result.message ?? ''}`}
                </span>
              ) : null}
              {m.outcome && !m.outcome.ok && m.outcome.message ? <p class="small">{m.outcome.message}</p> : null}
            </li>
          ))}
        </ul>
        {chosen.notes ? <p>{chosen.notes}</p> : null}
      </>
    );
  }
  announce('Group sessions loaded');
  return (
    <>
      <h1>Group sessions</h1>
      <p class="muted">
        Pick people on the <a href={href(`/program/${programId}/board`)}>board</a> to schedule a group screening or
        record an in-person group debrief for all of them.
      </p>
      {data.items.length ? (
        <ul class="sessions">
          {data.items.map((s) => {
            const toRecord = s.members.filter((m) => m.outcome?.ok && !m.result?.ok).length;
            return (
              <li data-session={s.id}>
                <a href={href(`/program/${programId}/sessions/${s.id}`)}>
                  {s.kind === 'screening' ? 'Group screening' : 'Group debrief'}, {when(s.at, timezone)}
                </a>{' '}
                <span class="muted">
                  {s.location ?? ''} · {s.members.length} people
                </span>{' '}
                {s.kind === 'screening' && toRecord ? <Tag tone="warn">{toRecord} results to record</Tag> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No group sessions yet.</p>
      )}
    </>
  );
}

/** Who said they are coming, who cannot, who has not answered: counted from the answers the API gives. */
function Answers({ members }: { members: GroupSessionDto['members'] }) {
  const answered = members.filter((m) => m.answerInWords);
  if (!answered.length) return null;
  const counts = new Map<string, number>();
  for (const m of answered) counts.set(m.answerInWords!, (counts.get(m.answerInWords!) ?? 0) + 1);
  return (
    <p class="answers" data-answers>
      {[...counts].map(([words, count]) => `${words}: ${count}`).join(' · ')}
    </p>
  );
}
