// An application taken on paper or by phone: the program's attestations asked as its policy says, and the
// eligibility outcome shown at once (the workflow decides it; this only shows the answer).
import { useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type { OrganizerDetailDto, ProgramDto } from '../api-types';
import { href } from '../router';
import { announce, CheckField, Failed, Field, FormAlert, inputValue, Loading, useData } from '../ui';
import { vocabulary } from '../vocabulary';

const fields = ['memberId', 'name', 'email', 'phone', 'local'] as const;
const labels: Record<(typeof fields)[number], string> = {
  memberId: 'Member id',
  name: 'Name',
  email: 'Email',
  phone: 'Phone (optional)',
  local: 'Local (optional)',
};

export function NewApplication({ programId }: { programId: string }) {
  const v = vocabulary();
  const { data: program, error: loadError } = useData(() => get<ProgramDto>(`/api/programs/${programId}`), [programId]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [attested, setAttested] = useState<Record<string, boolean>>({});
  const [weeklyHours, setWeeklyHours] = useState('');
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<OrganizerDetailDto>();
  const [busy, setBusy] = useState(false);
  if (loadError) return <Failed error={loadError} />;
  if (!program) return <Loading what="the program" />;
  const problem = (field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);
  const asked = [...program.policy.requiredAttestations, 'currentLeader'];
  return (
    <>
      <h1>New application</h1>
      <p class="muted">{program.name}</p>
      {result ? (
        <div class="card" role="status">
          {result.stage === 'ineligible' ? (
            <p class="error">
              {result.name} is not eligible: {result.ineligibleReasons.join('; ')}.
            </p>
          ) : (
            <p class="ok">
              {result.name}'s application is in: {v.stageLabel(result.stage).toLowerCase()}.
            </p>
          )}
          <p>
            <a href={href(`/organizer/${result.id}`)}>Open {result.name}</a> ·{' '}
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setResult(undefined);
                setValues({});
                setAttested({});
                setWeeklyHours('');
              }}
            >
              Enter another
            </button>
          </p>
        </div>
      ) : (
        <form
          class="card"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(undefined);
            try {
              const body = {
                ...Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim())),
                attestations: {
                  ...Object.fromEntries(asked.map((a) => [a, attested[a] === true])),
                  weeklyHours: weeklyHours === '' ? undefined : Number(weeklyHours),
                },
              };
              const created = await send<OrganizerDetailDto>('POST', `/api/programs/${programId}/applications`, body);
              setResult(created);
              announce(created.stage === 'ineligible' ? `${created.name} is not eligible` : `${created.name} applied`);
            } catch (caught) {
              setError(caught);
            } finally {
              setBusy(false);
            }
          }}
        >
          <FormAlert error={error} fields={[...fields, 'attestations']} />
          {fields.map((name) => (
            <Field name={name} label={labels[name]} error={problem(name)}>
              {(props) => (
                <input
                  {...props}
                  name={name}
                  type={(name === 'email' ? 'email' : 'text') as 'text'}
                  required={!labels[name].includes('optional')}
                  value={values[name] ?? ''}
                  onInput={(e) => setValues({ ...values, [name]: inputValue(e) })}
                />
              )}
            </Field>
          ))}
          <fieldset>
            <legend>The applicant attests</legend>
            {asked.map((a) => (
              <CheckField
                name={`attestations.${a}`}
                label={v.attestationLabel(a)}
                checked={attested[a] === true}
                onChange={(value) => setAttested({ ...attested, [a]: value })}
                error={problem(`attestations.${a}`)}
              />
            ))}
            <Field
              name="attestations.weeklyHours"
              label="Hours a week they commit to"
              hint={`The program asks for at least ${program.policy.hoursPerWeek}.`}
              error={problem('attestations.weeklyHours')}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  step="0.5"
                  required
                  value={weeklyHours}
                  onInput={(e) => setWeeklyHours(inputValue(e))}
                />
              )}
            </Field>
          </fieldset>
          <p class="actions">
            <button type="submit" disabled={busy}>
              New application
            </button>
          </p>
        </form>
      )}
    </>
  );
}
