import { useEffect, useRef, useState } from 'preact/hooks';
import { session } from '../api';

/** Sign-in with an API token; it stays in this browser tab only (sessionStorage). */
export function SignIn({ rejected, onSignedIn }: { rejected: boolean; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="card signin"
      onSubmit={(event) => {
        event.preventDefault();
        session.signIn(token);
        onSignedIn();
      }}
    >
      <h1>Sign in</h1>
      <p class="muted">Use the API token you were given. It stays in this browser tab only.</p>
      {rejected ? (
        <p class="error" role="alert">
          That token was not accepted. Check it and try again.
        </p>
      ) : null}
      <label for="token">API token</label>
      <input
        ref={input}
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
  );
}
