// A sign-in link's page (`/signin/<token>`), for staff: in English, as the workspace is. Served with the members'
// pages (public.html), which route to it.
import { useState } from 'preact/hooks';
import { afterSignInKey } from './api';

/**
 * A sign-in link's page (`/signin/<token>`): one button, since opening the link must not sign in by itself (mail
 * scanners open every link); signed in, on to the workspace.
 */
export function SignInPage({ token }: { token: string }) {
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
              const response = await fetch('/api/auth/email/verify', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ token }),
              });
              if (!response.ok) {
                const answer = (await response.json().catch(() => ({}))) as { message?: string };
                throw new Error(answer.message ?? response.statusText);
              }
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
