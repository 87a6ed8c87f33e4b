// The pages people reach without an account, from a phone: a signed link's page (`/l/<token>`: a debrief, an offer's
// answer, an application's status), a program's public interest form (`/apply/<programId>`) and a sign-in link's
// page (`/signin/<token>`). A page of its own,
// small and quick on a slow connection; the forms are drawn from what the API says (fields, labels, limits).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Problem } from './api';
import { SignInPage } from './sign-in-page';
import type {
  FormFieldDto,
  InterestAcceptedDto,
  LinkResultDto,
  LinkViewDto,
  PageWordsDto,
  PublicProgramDto,
} from './api-types';
import { when } from './time';
import { bodyOf, fieldNames, FormFields, initialValues, useFocusOnProblem, valueAt, type Values } from './form';
import { CheckField, Field, inputValue } from './ui';

/** A failed call: its status and words, a 400's problems, a link's `reason`, the language it speaks, a wait. */
class PageError extends ApiError {
  reason?: string;
  language?: string;
  retryAfter?: number;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = new PageError(
      response.status,
      String(answer.message ?? response.statusText),
      (answer.problems as Problem[]) ?? [],
    );
    error.reason = answer.reason as string | undefined;
    error.language = answer.language as string | undefined;
    error.retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw error;
  }
  return answer as T;
}

/** A sentence of the page with its `{{name}}` parts filled. */
const fill = (text: string, values: Record<string, string | number> = {}) =>
  text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * The page's words in a language (the browser's first choice the API speaks, when none is given); the answer to the
 * latest language asked wins, and a failed call is asked again once without it.
 */
function useWords(language: string | undefined, known: boolean) {
  const [words, setWords] = useState<PageWordsDto>();
  useEffect(() => {
    if (!known) return;
    let current = true;
    const load = (lang: string | undefined): Promise<PageWordsDto> =>
      call<PageWordsDto>('GET', `/api/public/words${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`);
    load(language)
      .catch(() => load(undefined))
      .then((answer) => {
        if (!current) return;
        document.documentElement.lang = answer.language;
        setWords(answer);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [language, known]);
  return words;
}

type Say = (key: string, values?: Record<string, string | number>) => string;
const sayer =
  (words: PageWordsDto): Say =>
  (key, values) =>
    fill(words.words[key] ?? key, values);

/**
 * What a sent form answered, when it is not about one field shown on the page, in the page's words: a refusal's own
 * words are the staff's English, so a member is told it could not be done (`refused`: which sentence says so).
 */
function Alert({
  error,
  say,
  fields,
  refused = 'refused',
}: {
  error: unknown;
  say: Say;
  fields: string[];
  refused?: string;
}) {
  if (!error) return null;
  let text = say('unavailable');
  if (error instanceof PageError) {
    const nearby = (field: string) => fields.some((f) => field === f || field.startsWith(`${f}.`));
    const elsewhere = error.problems.filter((p) => !nearby(p.field));
    if (error.status === 400 && error.problems.length && !elsewhere.length) text = say('checkFields');
    else if (error.status === 400 && elsewhere.length) text = elsewhere.map((p) => p.reason).join(' ');
    else if (error.status === 429) text = say('tooMany', { seconds: error.retryAfter ?? 60 });
    else if (error.status < 500) text = say(error.status === 404 ? 'noProgram' : refused);
  }
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}

/** A link that does not work: which way it does not, and what to do. */
function Ended({ error, say }: { error: PageError; say: Say }) {
  return (
    <section aria-labelledby="ended">
      <h1 id="ended">{say(`ended.${error.reason ?? 'other'}`)}</h1>
      {error.status === 410 ? <p>{error.message}</p> : null}
      <p>{say('nothingChanged')}</p>
    </section>
  );
}

function Done({ result, fields, say }: { result: LinkResultDto; fields: FormFieldDto[]; say: Say }) {
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
      <p>{say('closePage')}</p>
    </section>
  );
}

function LinkPage({ token }: { token: string }) {
  const path = `/api/links/${encodeURIComponent(token)}`;
  const [view, setView] = useState<LinkViewDto>();
  const [ended, setEnded] = useState<PageError>();
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
      (e) => (e instanceof PageError && (e.status === 404 || e.status === 410) ? setEnded(e) : setError(e)),
    );
  }, [path]);
  // The member's own language once the link says it; an ended link's, or the browser's.
  const words = useWords(view?.language ?? ended?.language, Boolean(view || ended || error));

  if (!words) return <p class="muted">…</p>;
  const say = sayer(words);
  if (ended) return <Ended error={ended} say={say} />;
  if (result && view) return <Done result={result} fields={view.form.fields} say={say} />;
  if (!view) return error ? <Alert error={error} say={say} fields={[]} /> : <p class="muted">{say('loading')}</p>;
  const zone = view.timezone;
  const at = (iso: string | undefined) => when(iso, zone, words.locale);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResult(await call<LinkResultDto>('POST', path, bodyOf(view.form.fields, values, view.timezone)));
    } catch (e) {
      if (e instanceof PageError && (e.status === 404 || e.status === 410)) setEnded(e);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="purpose">
      <p class="program">{view.programName}</p>
      <h1 id="purpose">{say(`heading.${view.purpose}`)}</h1>
      <p>{say('forName', { name: view.organizerName })}</p>
      {view.period ? (
        <p>
          {say('period', { start: at(view.period.start), end: at(view.period.end) })}{' '}
          <strong>
            {view.period.overdue
              ? say('overdueSince', { at: at(view.period.overdueAt) })
              : say('due', { at: at(view.dueAt) })}
          </strong>
        </p>
      ) : null}
      {view.offer ? (
        <dl class="recorded">
          <div>
            <dt>{say('hoursPerWeek')}</dt>
            <dd>{view.offer.hoursPerWeek}</dd>
          </div>
          <div>
            <dt>{say('starting')}</dt>
            <dd>{view.offer.startDayInWords}</dd>
          </div>
          {view.offer.stipendInWords ? (
            <div>
              <dt>{say('stipend')}</dt>
              <dd>{view.offer.stipendInWords}</dd>
            </div>
          ) : null}
          <div>
            <dt>{say('answerBy')}</dt>
            <dd>{at(view.dueAt)}</dd>
          </div>
        </dl>
      ) : null}
      {view.screening ? (
        <dl class="recorded screening">
          <div>
            <dt>{say('when')}</dt>
            <dd>{at(view.screening.at)}</dd>
          </div>
          <div>
            <dt>{say('where')}</dt>
            <dd>{view.screening.location}</dd>
          </div>
          {view.screening.notes ? (
            <div>
              <dt>{say('screeningNotes')}</dt>
              <dd>{view.screening.notes}</dd>
            </div>
          ) : null}
          {view.screening.answerInWords ? (
            <div>
              <dt>{say('yourAnswer')}</dt>
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
          <Alert error={error} say={say} fields={fieldNames(view.form.fields)} />
          <button type="submit" class="primary" disabled={busy}>
            {busy ? say('sending') : say(`send.${view.purpose}`)}
          </button>
        </form>
      ) : null}
      <p class="muted">{say('alone', { until: at(view.expiresAt) })}</p>
    </section>
  );
}

/** The applicant's own fields, each with the catalog key of its label. */
const applicantFields = [
  { name: 'name', type: 'text', autocomplete: 'name', required: true },
  { name: 'email', type: 'email', autocomplete: 'email', required: true },
  { name: 'phone', type: 'tel', autocomplete: 'tel', required: false },
  { name: 'memberId', type: 'text', autocomplete: 'off', required: true },
  { name: 'local', type: 'text', autocomplete: 'organization', required: false },
] as const;

/** The language asked for in the address (`?lang=es`), which the switch sets. */
const askedLanguage = () => new URLSearchParams(location.search).get('lang') ?? undefined;

/** English | Español: each in its own words and language; the form follows at once, what was typed stays. */
function LanguageSwitch({ words, choose }: { words: PageWordsDto; choose: (code: string) => void }) {
  return (
    <nav class="languages" aria-label={words.words.language}>
      {words.languages.map(({ code, name }) => (
        <button
          type="button"
          key={code}
          lang={code}
          aria-pressed={code === words.language}
          onClick={() => {
            history.replaceState(null, '', `?lang=${code}`);
            choose(code);
          }}
        >
          {name}
        </button>
      ))}
    </nav>
  );
}

function ApplyPage({ programId }: { programId: string }) {
  const [language, setLanguage] = useState(askedLanguage());
  const words = useWords(language, true);
  const [program, setProgram] = useState<PublicProgramDto>();
  const [missing, setMissing] = useState<unknown>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [spoken, setSpoken] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<string>();
  const form = useFocusOnProblem(error);
  const lang = words?.language;
  useEffect(() => {
    if (!lang) return;
    const path = `/api/public/programs/${encodeURIComponent(programId)}?lang=${lang}`;
    call<PublicProgramDto>('GET', path).then(setProgram, setMissing);
  }, [programId, lang]);

  if (!words) return <p class="muted">…</p>;
  const say = sayer(words);
  const at = (iso: string) => when(iso, undefined, words.locale);
  const switcher = <LanguageSwitch words={words} choose={setLanguage} />;
  if (missing)
    return (
      <section aria-labelledby="missing">
        <h1 id="missing">{say('noProgram')}</h1>
        <p>{say('checkAddress')}</p>
      </section>
    );
  if (!program) return <p class="muted">{say('loading')}</p>;
  if (accepted)
    return (
      <section aria-labelledby="thanks">
        <p class="program">{program.name}</p>
        <h1 id="thanks">{say('applicationSent')}</h1>
        <p>{accepted}</p>
      </section>
    );
  if (!program.open)
    return (
      <section aria-labelledby="closed">
        {switcher}
        <p class="program">{program.name}</p>
        <h1 id="closed">{say('closed')}</h1>
        <p>
          {program.opensAt && Date.parse(program.opensAt) > Date.now()
            ? say('opens', { at: at(program.opensAt) })
            : say('notTaking')}
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
      preferredLanguage: words.language,
      ...(spoken.length ? { languages: spoken } : {}),
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
      {switcher}
      <p class="program">{program.affiliate}</p>
      <h1 id="apply">{say('applyTo', { program: program.name })}</h1>
      {program.closesAt ? <p>{say('closes', { at: at(program.closesAt) })}</p> : null}
      <form ref={form} onSubmit={submit} noValidate>
        {applicantFields.map((f) => (
          <Field
            key={f.name}
            label={say(f.name)}
            name={f.name}
            error={problem(f.name)}
            hint={f.required ? undefined : say('optional')}
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
          label={say('weeklyHours')}
          name="weeklyHours"
          error={problem('attestations.weeklyHours')}
          hint={say('asksHours', { hours: program.hoursPerWeek })}
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
          <legend>{say('aboutYou')}</legend>
          {program.attestations.map((a) => (
            <CheckField
              key={a.name}
              name={a.name}
              label={a.required ? say('required', { label: a.label }) : a.label}
              checked={answers[a.name] ?? false}
              onChange={(value) => setAnswers((v) => ({ ...v, [a.name]: value }))}
              error={problem(`attestations.${a.name}`)}
            />
          ))}
        </fieldset>
        <fieldset class="choice languages-spoken">
          <legend>{say('spoken')}</legend>
          {words.spoken.map(({ code, name }) => (
            <CheckField
              key={code}
              name={`speaks-${code}`}
              label={name}
              checked={spoken.includes(code)}
              onChange={(ticked) => setSpoken((now) => (ticked ? [...now, code] : now.filter((c) => c !== code)))}
            />
          ))}
          {problem('languages') ? (
            <p class="error" role="alert">
              {problem('languages')}
            </p>
          ) : null}
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
        <Alert
          error={error}
          say={say}
          fields={[...applicantFields.map((f) => f.name), 'attestations', 'languages']}
          refused="notTaking"
        />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? say('sending') : say('sendApplication')}
        </button>
      </form>
    </section>
  );
}

/** An address none of these pages has. */
function NotFound() {
  const words = useWords(undefined, true);
  return words ? <h1>{sayer(words)('notFound')}</h1> : null;
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
      <NotFound />
    );
  return <main id="main">{content}</main>;
}

const root = document.getElementById('app')!;
root.textContent = '';
render(<Page />, root);
