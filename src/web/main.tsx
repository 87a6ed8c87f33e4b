// The web page: the coordinator's workspace (Today, the board, a panel per person, group sessions, settings) and the
// dashboards, in one Preact application bundled by `npm run build`. It reads every word and rule it shows from the
// API; addresses live in the hash, so each view survives a reload and filters can be shared.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, send, session, SignedOut } from './api';
import type { CallerDto } from './api-types';
import { href, type Route, useRoute } from './router';
import { Failed, Loading } from './ui';
import { loadVocabulary } from './vocabulary';
import { Account } from './views/Account';
import { Board } from './views/Board';
import { Overview, ProgramDashboard } from './views/Dashboard';
import { Sessions } from './views/GroupSession';
import { NewApplication } from './views/NewApplication';
import { Person } from './views/Person';
import { Settings } from './views/Settings';
import { Pay } from './views/Pay';
import { Report } from './views/Report';
import { SignIn } from './views/SignIn';
import { Today } from './views/Today';

function ProgramNav({ programId, me, current }: { programId: string; me: CallerDto; current: string }) {
  const acts = me.role === 'admin' || me.role === 'coordinator';
  const links = [
    ['', 'Dashboard'],
    ['board', 'Board'],
    ['sessions', 'Group sessions'],
    ['pay', 'Pay'],
    ...(acts ? [['apply', 'New application']] : []),
    ['settings', 'Settings'],
  ];
  return (
    <nav class="subnav" aria-label="This program">
      <ul>
        {links.map(([part, label]) => (
          <li>
            <a
              href={href(`/program/${programId}${part ? `/${part}` : ''}`)}
              aria-current={current === part ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function View({ route, me }: { route: Route; me: CallerDto }) {
  const [view, id, sub, subId] = route.parts;
  if (view === 'account') return <Account />;
  if (me.role === 'organizer') {
    if (!me.organizerId) return <p>Your account is not linked to an organizer record yet.</p>;
    return <Person organizerId={me.organizerId} openAction={route.query.get('action') ?? undefined} />;
  }
  if (view === 'today') return <Today />;
  if (view === 'organizer' && id)
    return <Person organizerId={id} openAction={route.query.get('action') ?? undefined} />;
  if (view === 'program' && id) {
    const page = (() => {
      switch (sub) {
        case 'board':
          return <Board programId={id} query={route.query} />;
        case 'sessions':
          return <Sessions programId={id} sessionId={subId} />;
        case 'apply':
          return <NewApplication programId={id} />;
        case 'settings':
          return <Settings programId={id} />;
        case 'pay':
          return <Pay programId={id} voucherId={subId} me={me} />;
        case 'report':
          return <Report programId={id} weekOf={subId} />;
        default:
          return <ProgramDashboard programId={id} me={me} />;
      }
    })();
    return (
      <>
        <p>
          <a href={href('/')}>← All programs</a>
        </p>
        <ProgramNav programId={id} me={me} current={sub ?? ''} />
        {page}
      </>
    );
  }
  return <Overview />;
}

function App() {
  const route = useRoute();
  const [me, setMe] = useState<CallerDto | null | undefined>(undefined);
  const [rejected, setRejected] = useState(false);
  const [failed, setFailed] = useState<unknown>();
  const main = useRef<HTMLElement>(null);

  const signIn = async (afterTry: boolean) => {
    try {
      const byCookie = session.token ? null : await session.fromCookie();
      if (!session.token && !byCookie) return setMe(null);
      const caller = byCookie ? byCookie.user : await get<CallerDto>('/api/users/me');
      await loadVocabulary();
      setRejected(false);
      setMe(caller);
    } catch (error) {
      if (error instanceof SignedOut) {
        setRejected(afterTry);
        setMe(null);
      } else setFailed(error);
    }
  };
  useEffect(() => {
    void signIn(false);
    const out = () => {
      session.signOut();
      setMe(null);
    };
    window.addEventListener('signed-out', out);
    return () => window.removeEventListener('signed-out', out);
  }, []);
  // A new view: focus moves to the content, as a page load would take it there.
  useEffect(() => main.current?.focus(), [route.parts.join('/')]);

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header class="bar">
        <a class="brand" href={href('/')}>
          Organizer Pipeline
        </a>
        {me ? (
          <nav aria-label="Main">
            <ul>
              {me.role !== 'organizer' ? (
                <>
                  <li>
                    <a href={href('/today')} aria-current={route.parts[0] === 'today' ? 'page' : undefined}>
                      Today
                    </a>
                  </li>
                  <li>
                    <a href={href('/')} aria-current={!route.parts.length ? 'page' : undefined}>
                      Programs
                    </a>
                  </li>
                </>
              ) : null}
              <li>
                <a href={href('/account')} aria-current={route.parts[0] === 'account' ? 'page' : undefined}>
                  Signed in as {me.role}
                </a>
              </li>
              <li>
                <button
                  type="button"
                  class="quiet"
                  onClick={async () => {
                    if (session.byCookie) await send('POST', '/api/auth/sign-out', {}).catch(() => undefined);
                    session.signOut();
                    setMe(null);
                    location.hash = '#/';
                  }}
                >
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {failed ? (
          <Failed error={failed} />
        ) : me === undefined ? (
          <Loading what="the page" />
        ) : me === null ? (
          <SignIn rejected={rejected} onSignedIn={() => void signIn(true)} />
        ) : (
          <View route={route} me={me} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
