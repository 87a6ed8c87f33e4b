import { useEffect, useRef, useState } from 'preact/hooks';
import { afterSignInKey, session } from '../api';
import type { SignInOptionsDto } from '../api-types';
import { Field, inputValue } from '../ui';

/** Why single sign-on sent the browser back unsigned (`/?signInFailed=<reason>`), read once and taken off the address. */
function takeFailure(): string | null {
  const reason = new URLSearchParams(location.search).get('signInFailed');
  if (reason) history.replaceState(null, '', `/${location.hash}`);
  return reason;
}

/** Where to go once signed in: the view this page was asked for, as a path on this site. */
function returnTo(): string {
  const view = localStorage.getItem(afterSignInKey);
  return view ? `/${view}` : '/';
}

/**
 * Sign-in: a link by email (the session then lasts across tabs and days), or an API token for this tab only (for
 * scripts and the bootstrap admin).
 */
export function SignIn({ rejected, onSignedIn }: { rejected: boolean; onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [token, setToken] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<SignInOptionsDto | null>(null);
  const [failed] = useState(takeFailure);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    if (location.hash.startsWith('#/') && location.hash !== '#/') localStorage.setItem(afterSignInKey, location.hash);
    void fetch('/api/auth/options')
      .then((response) => (response.ok ? (response.json() as Promise<SignInOptionsDto>) : null))
      .then(setOptions, () => setOptions(null));
  }, []);
  const singleSignOn = options?.singleSignOn;
  return (
    <section class="card signin">
      <h1>Sign in</h1>
      {singleSignOn ? (
        <div class="single-sign-on">
          {failed ? (
            <p class="error" role="alert">
              {singleSignOn.failures[failed] ?? singleSignOn.failures.refused}
            </p>
          ) : null}
          <a
            class="button"
            href={`${singleSignOn.startUrl}?returnTo=${encodeURIComponent(returnTo())}`}
            onClick={() => localStorage.removeItem(afterSignInKey)}
          >
            Sign in with {singleSignOn.name}
          </a>
          <p class="muted">or</p>
        </div>
      ) : null}
      {/* No email here (no mail server, no outbox): a link could not be sent. */}
      {options?.email === false ? null : (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setProblem(null);
            try {
              const response = await fetch('/api/auth/email', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ email }),
              });
              const answer = (await response.json().catch(() => ({}))) as {
                message?: string;
                problems?: { field: string; reason: string }[];
              };
              if (response.ok) setSent(answer.message ?? '');
              else setProblem(answer.problems?.find((p) => p.field === 'email')?.reason ?? answer.message ?? '');
            } finally {
              setBusy(false);
            }
          }}
        >
          <p class="muted">We email you a link that signs you in. No password to remember.</p>
          <Field label="Email address" name="email" error={problem ?? undefined}>
            {(props) => (
              <input
                {...props}
                ref={input}
                type="email"
                autocomplete="email"
                required
                value={email}
                onInput={(e) => setEmail(inputValue(e))}
              />
            )}
          </Field>
          <p>
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Sending…' : 'Email me a sign-in link'}
            </button>
          </p>
          {sent ? <p role="status">{sent}</p> : null}
        </form>
      )}
      <details open={rejected}>
        <summary>Use an API token</summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            session.signIn(token);
            onSignedIn();
          }}
        >
          <p class="muted">For scripts and the first administrator. It stays in this browser tab only.</p>
          {rejected ? (
            <p class="error" role="alert">
              That token was not accepted. Check it and try again.
            </p>
          ) : null}
          <label for="token">API token</label>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            required
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          />
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
      </details>
    </section>
  );
}
