// The pages people reach without an account, from a phone: a signed link's page (`/l/<token>`: a debrief, an offer's
// answer, an application's status), a program's public interest form (`/apply/<programId>`) and a sign-in link's
// page (`/signin/<token>`). A page of its own,
// small and quick on a slow connection; the forms are drawn from what the API says (fields, labels, limits).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterSignInKey, ApiError, type Problem } from './api';
import type { FormFieldDto, InterestAcceptedDto, LinkResultDto, LinkViewDto, PublicProgramDto } from './api-types';
import { when } from './time';
import { bodyOf, fieldNames, FormFields, initialValues, useFocusOnProblem, valueAt, type Values } from './form';
import { CheckField, Field, FormAlert, inputValue } from './ui';

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      String(answer.message ?? response.statusText),
      (answer.problems as Problem[]) ?? [],
    );
    (error as ApiError & { reason?: string }).reason = answer.reason as string | undefined;
    throw error;
  }
  return answer as T;
}

const headings: Record<string, string> = {
  unknown: 'This link is not valid',
  expired: 'This link has expired',
  used: 'This link was already used',
  revoked: 'This link was cancelled',
  superseded: 'A newer link was sent',
  done: 'Nothing left to do here',
};

/** A link that does not work: which way it does not, and what to do. */
function Ended({ error }: { error: ApiError & { reason?: string } }) {
  return (
    <section aria-labelledby="ended">
      <h1 id="ended">{headings[error.reason ?? ''] ?? 'This link does not work'}</h1>
      <p>{error.message}</p>
      <p>Nothing was changed. If you still need to send something, ask your coordinator for a new link.</p>
    </section>
  );
}

function Done({ result, fields }: { result: LinkResultDto; fields: FormFieldDto[] }) {
  const recorded = (name: string): unknown => valueAt(result.recorded, name);
  const shown = fields.filter((f) => recorded(f.name) !== undefined && recorded(f.name) !== '');
  const text = (field: FormFieldDto, value: unknown) =>
    field.kind === 'yesno'
      ? value
        ? field.yesLabel
        : field.noLabel
      : field.kind === 'money'
        ? (Number(value) / 100).toFixed(2)
        : field.kind === 'choice'
          ? (field.optionLabels?.[field.options?.indexOf(String(value)) ?? -1] ?? String(value))
          : String(value);
  return (
    <section aria-labelledby="done">
      <h1 id="done">{result.message}</h1>
      {shown.length ? (
        <dl class="recorded">
          {shown.map((field) => (
            <div key={field.name}>
              <dt>{field.label}</dt>
              <dd>{text(field, recorded(field.name))}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>You can close this page.</p>
    </section>
  );
}

function LinkPage({ token }: { token: string }) {
  const path = `/api/links/${encodeURIComponent(token)}`;
  const [view, setView] = useState<LinkViewDto>();
  const [ended, setEnded] = useState<ApiError>();
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LinkResultDto>();
  const form = useFocusOnProblem(error);
  useEffect(() => {
    call<LinkViewDto>('GET', path).then(
      (answer) => {
        setView(answer);
        setValues(initialValues(answer.form.fields));
      },
      (e) => (e instanceof ApiError ? setEnded(e) : setError(e)),
    );
  }, [path]);

  if (ended) return <Ended error={ended} />;
  if (result && view) return <Done result={result} fields={view.form.fields} />;
  if (!view) return error ? <FormAlert error={error} /> : <p class="muted">Loading…</p>;
  const zone = view.timezone;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResult(await call<LinkResultDto>('POST', path, bodyOf(view.form.fields, values, view.timezone)));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 410)) setEnded(e);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const heading = {
    debrief: 'Your debrief',
    offer: 'Your offer',
    status: 'Your application',
    timesheet: 'Your time sheet',
    rsvp: 'Your screening',
  }[view.purpose];
  return (
    <section aria-labelledby="purpose">
      <p class="program">{view.programName}</p>
      <h1 id="purpose">{heading}</h1>
      <p>For {view.organizerName}</p>
      {view.period ? (
        <p>
          The period from {when(view.period.start, zone)} to {when(view.period.end, zone)}.{' '}
          <strong>
            {view.period.overdue ? 'Overdue since' : 'Due'}{' '}
            {when(view.period.overdue ? view.period.overdueAt : view.dueAt, zone)}
          </strong>
          .
        </p>
      ) : null}
      {view.offer ? (
        <dl class="recorded">
          <div>
            <dt>Hours a week</dt>
            <dd>{view.offer.hoursPerWeek}</dd>
          </div>
          <div>
            <dt>Starting</dt>
            <dd>{view.offer.startDayInWords}</dd>
          </div>
          {view.offer.stipendInWords ? (
            <div>
              <dt>Stipend</dt>
              <dd>{view.offer.stipendInWords}</dd>
            </div>
          ) : null}
          <div>
            <dt>Answer by</dt>
            <dd>{when(view.dueAt, zone)}</dd>
          </div>
        </dl>
      ) : null}
      {view.screening ? (
        <dl class="recorded screening">
          <div>
            <dt>When</dt>
            <dd>{when(view.screening.at, zone)}</dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>{view.screening.location}</dd>
          </div>
          {view.screening.notes ? (
            <div>
              <dt>What to expect and bring</dt>
              <dd>{view.screening.notes}</dd>
            </div>
          ) : null}
          {view.screening.answerInWords ? (
            <div>
              <dt>Your answer</dt>
              <dd>
                {view.screening.answerInWords}
                {view.screening.note ? ` "${view.screening.note}"` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {view.status ? (
        <>
          <p class="stage">{view.status.stageLabel}</p>
          <p>{view.status.nextStep}</p>
          {view.status.reasons.length ? (
            <ul>
              {view.status.reasons.map((reason) => (
                <li>{reason}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {view.form.fields.length ? (
        <form ref={form} onSubmit={submit} noValidate>
          <FormFields
            fields={view.form.fields}
            values={values}
            set={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
            error={error}
            timeZone={zone}
          />
          <FormAlert error={error} fields={fieldNames(view.form.fields)} marked="above" />
          <button type="submit" class="primary" disabled={busy}>
            {busy
              ? 'Sending…'
              : {
                  debrief: 'Send my debrief',
                  timesheet: 'Send my time sheet',
                  offer: 'Send my answer',
                  rsvp: 'Send my answer',
                  status: '',
                }[view.purpose]}
          </button>
        </form>
      ) : null}
      <p class="muted">This link is for you alone and works until {when(view.expiresAt, zone)}.</p>
    </section>
  );
}

const applicantFields = [
  { name: 'name', label: 'Your name', type: 'text', autocomplete: 'name', required: true },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true },
  { name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', required: false },
  { name: 'memberId', label: 'Member number', type: 'text', autocomplete: 'off', required: true },
  { name: 'local', label: 'Your local', type: 'text', autocomplete: 'organization', required: false },
] as const;

function ApplyPage({ programId }: { programId: string }) {
  const [program, setProgram] = useState<PublicProgramDto>();
  const [missing, setMissing] = useState<unknown>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<string>();
  const form = useFocusOnProblem(error);
  useEffect(() => {
    call<PublicProgramDto>('GET', `/api/public/programs/${encodeURIComponent(programId)}`).then(setProgram, setMissing);
  }, [programId]);

  if (missing)
    return (
      <section aria-labelledby="missing">
        <h1 id="missing">No such program</h1>
        <p>Check the address you were given.</p>
      </section>
    );
  if (!program) return <p class="muted">Loading…</p>;
  if (accepted)
    return (
      <section aria-labelledby="thanks">
        <p class="program">{program.name}</p>
        <h1 id="thanks">Application sent</h1>
        <p>{accepted}</p>
      </section>
    );
  if (!program.open)
    return (
      <section aria-labelledby="closed">
        <p class="program">{program.name}</p>
        <h1 id="closed">Applications are closed</h1>
        <p>
          {program.opensAt && Date.parse(program.opensAt) > Date.now()
            ? `The form opens ${when(program.opensAt)}.`
            : 'This form is not taking applications now.'}
        </p>
      </section>
    );

  const problem = (field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const hours = values.weeklyHours;
    const body = {
      ...Object.fromEntries(Object.entries(values).filter(([name, v]) => name !== 'weeklyHours' && v !== '')),
      attestations: { ...answers, ...(hours ? { weeklyHours: Number(hours) } : {}) },
    };
    try {
      setAccepted(
        (
          await call<InterestAcceptedDto>(
            'POST',
            `/api/public/programs/${encodeURIComponent(programId)}/interest`,
            body,
          )
        ).message,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const set = (name: string) => (e: Event) => setValues((v) => ({ ...v, [name]: inputValue(e) }));
  return (
    <section aria-labelledby="apply">
      <p class="program">{program.affiliate}</p>
      <h1 id="apply">Apply to {program.name}</h1>
      {program.closesAt ? <p>Applications close {when(program.closesAt)}.</p> : null}
      <form ref={form} onSubmit={submit} noValidate>
        {applicantFields.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            name={f.name}
            error={problem(f.name)}
            hint={f.required ? undefined : 'Optional'}
          >
            {(props) => (
              <input
                {...props}
                name={f.name}
                // Preact's types tell input types apart by their other attributes; these three take the same ones.
                type={f.type as 'text'}
                autocomplete={f.autocomplete}
                required={f.required}
                value={values[f.name] ?? ''}
                onInput={set(f.name)}
              />
            )}
          </Field>
        ))}
        <Field
          label="Hours a week you can give"
          name="weeklyHours"
          error={problem('attestations.weeklyHours')}
          hint={`The program asks for ${program.hoursPerWeek} hours a week.`}
        >
          {(props) => (
            <input
              {...props}
              name="weeklyHours"
              type="number"
              inputMode="decimal"
              min={0}
              max={80}
              required
              value={values.weeklyHours ?? ''}
              onInput={set('weeklyHours')}
            />
          )}
        </Field>
        <fieldset class="choice">
          <legend>About you (tick each that is true)</legend>
          {program.attestations.map((a) => (
            <CheckField
              key={a.name}
              name={a.name}
              label={a.required ? `${a.label} (the program requires this)` : a.label}
              checked={answers[a.name] ?? false}
              onChange={(value) => setAnswers((v) => ({ ...v, [a.name]: value }))}
              error={problem(`attestations.${a.name}`)}
            />
          ))}
        </fieldset>
        {/* Left empty by people, who never see it; robots fill every field. */}
        <div class="trap">
          <label for="website">Website</label>
          <input
            id="website"
            name="website"
            tabIndex={-1}
            autocomplete="off"
            value={values.website ?? ''}
            onInput={set('website')}
          />
        </div>
        <FormAlert error={error} fields={[...applicantFields.map((f) => f.name), 'attestations']} marked="above" />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send my application'}
        </button>
      </form>
    </section>
  );
}

/**
 * A sign-in link's page (`/signin/<token>`): one button, since opening the link must not sign in by itself (mail
 * scanners open every link); signed in, on to the workspace.
 */
function SignInPage({ token }: { token: string }) {
  const [ended, setEnded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="card">
      <h1>Sign in to Organizer Pipeline</h1>
      {ended ? (
        <>
          <p role="alert">{ended}</p>
          <p>
            <a href="/">Ask for a new sign-in link</a>
          </p>
        </>
      ) : (
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await call('POST', '/api/auth/email/verify', { token });
              // Back where the page was when it asked (only a view of the page itself: no address elsewhere).
              const next = localStorage.getItem(afterSignInKey);
              localStorage.removeItem(afterSignInKey);
              location.assign(`/${next && /^#\/[\w/?=&%.-]*$/.test(next) ? next : '#/'}`);
            } catch (error) {
              setEnded((error as Error).message);
              setBusy(false);
            }
          }}
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      )}
    </section>
  );
}

function Page() {
  const [, kind, id] = location.pathname.split('/');
  const content =
    kind === 'signin' && id ? (
      <SignInPage token={decodeURIComponent(id)} />
    ) : kind === 'l' && id ? (
      <LinkPage token={decodeURIComponent(id)} />
    ) : kind === 'apply' && id ? (
      <ApplyPage programId={decodeURIComponent(id)} />
    ) : (
      <h1>Page not found</h1>
    );
  return <main id="main">{content}</main>;
}

const root = document.getElementById('app')!;
root.textContent = '';
render(<Page />, root);
