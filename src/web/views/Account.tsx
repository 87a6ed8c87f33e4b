import { get, send, session } from '../api';
import type { SessionListDto } from '../api-types';
import { when } from '../time';
import { DataTable, Failed, FormAlert, Loading, useAction, useData } from '../ui';

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
    </section>
  );
}
