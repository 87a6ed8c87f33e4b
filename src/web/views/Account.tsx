import { useState } from 'preact/hooks';
import { ApiError, get, send, session } from '../api';
import type { CreatedTokenDto, SessionListDto, TokenListDto } from '../api-types';
import { when } from '../time';
import { DataTable, Failed, Field, FormAlert, inputValue, Loading, useAction, useData } from '../ui';

/** Sessions and tokens: the browsers signed in as me, each to sign out, and all of them at once. */
export function Account() {
  const { data, error, reload } = useData(() => get<SessionListDto>('/api/auth/sessions'), []);
  const { busy, failure, run } = useAction(reload);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="your sessions" />;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <section>
      <h1>Sessions and tokens</h1>
      <p class="muted">
        {session.byCookie
          ? 'Every browser signed in as you. Sign out one you no longer use, or all of them if a device was lost.'
          : 'This tab uses an API token; browsers signed in by email are listed here.'}
      </p>
      <DataTable
        caption="Signed-in browsers"
        testid="sessions"
        rows={data.items}
        empty="No browser is signed in as you."
        columns={[
          { name: 'Browser', cell: (s) => (s.current ? `${s.device} (this one)` : s.device) },
          { name: 'Signed in by', cell: (s) => (s.method === 'email' ? 'email link' : 'single sign-on') },
          { name: 'Last seen', cell: (s) => when(s.lastSeenAt, zone) },
          { name: 'Ends', cell: (s) => when(s.expiresAt, zone) },
          {
            name: 'Sign out',
            cell: (s) =>
              s.current ? (
                ''
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    run(() => send('POST', `/api/auth/sessions/${s.id}/revoke`, {}), 'That browser is signed out.')
                  }
                >
                  Sign out this browser
                </button>
              ),
          },
        ]}
      />
      <FormAlert error={failure} />
      <p>
        <button
          type="button"
          disabled={busy || !data.items.length}
          onClick={() =>
            run(async () => {
              await send('POST', '/api/auth/sign-out-everywhere', {});
              window.dispatchEvent(new CustomEvent('signed-out'));
            }, 'Every browser is signed out.')
          }
        >
          Sign out everywhere
        </button>
      </p>
      <Tokens />
    </section>
  );
}

/** API tokens for scripts: each named, shown once when made, revoked here. */
function Tokens() {
  const { data, error, reload } = useData(() => get<TokenListDto>('/api/auth/tokens'), []);
  const { busy, failure, run } = useAction(reload);
  const [name, setName] = useState('');
  const [ends, setEnds] = useState('');
  const [made, setMade] = useState<CreatedTokenDto | null>(null);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="your tokens" />;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const problem = (field: string) => (failure instanceof ApiError ? failure.problemFor(field) : undefined);
  return (
    <>
      <h2>API tokens</h2>
      <p class="muted">For scripts that use the API. A token is shown once, when it is made.</p>
      <DataTable
        caption="Your API tokens"
        testid="tokens"
        rows={data.items}
        empty="You have no API token."
        columns={[
          { name: 'Name', cell: (t) => t.name },
          { name: 'Made', cell: (t) => when(t.createdAt, zone) },
          { name: 'Ends', cell: (t) => (t.expiresAt ? when(t.expiresAt, zone) : 'when revoked') },
          { name: 'Last used', cell: (t) => (t.lastUsedAt ? when(t.lastUsedAt, zone) : 'never') },
          {
            name: 'Revoke',
            cell: (t) => (
              <button
                type="button"
                disabled={busy}
                onClick={() => run(() => send('POST', `/api/auth/tokens/${t.id}/revoke`, {}), `${t.name} is revoked.`)}
              >
                Revoke {t.name}
              </button>
            ),
          },
        ]}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            setMade(null);
            const body = { name, ...(ends ? { expiresAt: new Date(`${ends}T23:59:59`).toISOString() } : {}) };
            setMade(await send<CreatedTokenDto>('POST', '/api/auth/tokens', body));
            setName('');
            setEnds('');
          }, 'Token made.');
        }}
      >
        <h3>Make a token</h3>
        <FormAlert error={failure} fields={['name', 'expiresAt']} />
        <Field label="Name (what it is for)" name="name" error={problem('name')}>
          {(props) => <input {...props} required value={name} onInput={(e) => setName(inputValue(e))} />}
        </Field>
        <Field label="Ends on (optional)" name="expiresAt" error={problem('expiresAt')}>
          {(props) => <input {...props} type="date" value={ends} onInput={(e) => setEnds(inputValue(e))} />}
        </Field>
        <p>
          <button type="submit" disabled={busy}>
            Make a token
          </button>
        </p>
      </form>
      {made ? (
        <div class="card token" role="status">
          <p>{made.name}: copy it now; it is not shown again.</p>
          <p>
            <code>{made.token}</code>
          </p>
        </div>
      ) : null}
    </>
  );
}
