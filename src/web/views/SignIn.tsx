import { useEffect, useRef, useState } from 'preact/hooks';
import { afterSignInKey, session } from '../api';
import { Field, inputValue } from '../ui';

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
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    if (location.hash.startsWith('#/') && location.hash !== '#/') localStorage.setItem(afterSignInKey, location.hash);
  }, []);
  return (
    <section class="card signin">
      <h1>Sign in</h1>
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
