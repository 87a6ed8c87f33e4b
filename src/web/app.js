// The web dashboard: plain modules, no build step. Every piece of data reaches the page through textContent (never
// innerHTML), so whatever people typed is shown as typed and never runs.

// The stages, their names in words and their order come from the API (GET /api/stages), never from a copy here.
let openStages = [];
let closedStages = [];
let stageNames = {};
const tokenKey = 'organizer-pipeline-token';
const main = document.getElementById('main');
let triedToken = false;

// ---- small helpers ------------------------------------------------------------------------------------------------

/** An element with attributes and children (strings become text nodes). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const number = (value) => new Intl.NumberFormat().format(value);
const percent = (value) => `${(value * 100).toFixed(1)}%`;
const date = (iso) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : '—';
const dateTime = (iso) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

function announce(message) {
  document.getElementById('status').textContent = message;
}

function show(...content) {
  main.replaceChildren(...content.flat().filter((part) => part !== null && part !== undefined && part !== false));
  main.focus();
}

class SignedOut extends Error {}

async function api(path, { raw = false } = {}) {
  const token = sessionStorage.getItem(tokenKey);
  if (!token) throw new SignedOut();
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    sessionStorage.removeItem(tokenKey);
    throw new SignedOut();
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || `${response.status} ${response.statusText}`);
  }
  return raw ? response.blob() : response.json();
}

// ---- pieces -------------------------------------------------------------------------------------------------------

function kpi(name, value, key, tone) {
  return h(
    'div',
    { class: `kpi${tone ? ` ${tone}` : ''}`, 'data-kpi': key },
    h('span', { class: 'value' }, value),
    h('span', { class: 'name' }, name),
  );
}

/** A horizontal bar per stage, open stages first, each with its count written beside it (so the numbers are text). */
function funnel(stages, title) {
  const rows = [...openStages, ...closedStages];
  const max = Math.max(1, ...rows.map((s) => stages[s] ?? 0));
  return h(
    'figure',
    { class: 'funnel card' },
    h('figcaption', {}, title),
    h(
      'ol',
      {},
      rows.map((stage) => {
        const count = stages[stage] ?? 0;
        const fill = h('span', { class: 'fill' });
        // Set through the CSS object model, which the page's content policy allows (unlike style attributes).
        fill.style.width = `${(100 * count) / max}%`;
        return h(
          'li',
          { class: openStages.includes(stage) ? 'open' : 'closed' },
          h('span', { class: 'label' }, stageNames[stage]),
          h('span', { class: 'track', 'aria-hidden': 'true' }, fill),
          h('span', { class: 'count', 'data-stage': stage }, number(count)),
        );
      }),
    ),
    h('p', { class: 'muted legend' }, 'Organizers by stage, now. Blue: in the pipeline; grey: closed.'),
  );
}

function table(caption, columns, rows, { testid } = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { 'data-table': testid },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : undefined }, c.name)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.length
          ? rows.map((row) =>
              h(
                'tr',
                {},
                columns.map((c) => h('td', { class: c.num ? 'num' : undefined }, c.cell(row))),
              ),
            )
          : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'None.')),
      ),
    ),
  );
}

function kpis(figures) {
  return h(
    'div',
    { class: 'kpis' },
    kpi('Applications', number(figures.applications), 'applications'),
    kpi('Hired', number(figures.hired), 'hired'),
    kpi('Applied → hired', percent(figures.conversion), 'conversion'),
    kpi('Active', number(figures.stages.active), 'active'),
    kpi('Overdue debriefs', number(figures.overdueDebriefs), 'overdueDebriefs', figures.overdueDebriefs ? 'warn' : ''),
    kpi('At risk', number(figures.atRisk), 'atRisk', figures.atRisk ? 'risk' : ''),
  );
}

function activity(figures) {
  const a = figures.activity;
  return h(
    'div',
    { class: 'kpis' },
    kpi('Debriefs', number(a.debriefs), 'debriefs'),
    kpi('Hours', number(a.hours), 'hours'),
    kpi('Conversations', number(a.conversations), 'conversations'),
    kpi('One-on-ones', number(a.oneOnOnes), 'oneOnOnes'),
    kpi('Leaders identified', number(a.leadersIdentified), 'leadersIdentified'),
    kpi(
      'Group debriefs missed',
      number(figures.groupDebriefsMissing),
      'groupDebriefsMissing',
      figures.groupDebriefsMissing ? 'warn' : '',
    ),
  );
}

async function downloadCsv(programId) {
  const blob = await api(`/api/dashboard/pipeline.csv${programId ? `?programId=${programId}` : ''}`, { raw: true });
  const link = h('a', { href: URL.createObjectURL(blob), download: 'pipeline.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  announce('Pipeline CSV downloaded');
}

const organizerLink = (o) => h('a', { href: `#/organizer/${o.id}` }, o.name);
const stageTag = (o) => h('span', { class: 'tag' }, stageNames[o.stage] ?? o.stage);
const flags = (o) => [
  o.atRisk ? h('span', { class: 'tag risk' }, 'at risk') : null,
  o.overdueDebriefs ? h('span', { class: 'tag warn' }, `${o.overdueDebriefs} overdue`) : null,
  o.paused ? h('span', { class: 'tag' }, 'paused') : null,
];

// ---- views --------------------------------------------------------------------------------------------------------

function signInView(message) {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    {
      class: 'card signin',
      onsubmit: async (event) => {
        event.preventDefault();
        sessionStorage.setItem(tokenKey, input.value.trim());
        triedToken = true;
        await route();
      },
    },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'Use the API token you were given. It stays in this browser tab only.'),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', {}, h('button', { type: 'submit' }, 'Sign in')),
  );
  show(form);
  input.focus();
}

async function overviewView() {
  const pipeline = await api('/api/dashboard/pipeline');
  const t = pipeline.totals;
  show(
    h('h1', {}, 'All programs'),
    h('p', { class: 'muted' }, `Activity from ${date(pipeline.from)} to ${date(pipeline.to)}.`),
    kpis(t),
    h('h2', {}, 'Pipeline'),
    funnel(t.stages, 'Organizers by stage across all programs'),
    h('h2', {}, 'Programs'),
    table(
      pipeline.programs.length === 1 ? '1 program' : `${pipeline.programs.length} programs`,
      [
        {
          name: 'Program',
          cell: (p) => h('a', { href: `#/program/${p.programId}`, 'data-program': p.programId }, p.name),
        },
        { name: 'Affiliate', cell: (p) => p.affiliate },
        { name: 'Applications', num: true, cell: (p) => number(p.applications) },
        { name: 'Hired', num: true, cell: (p) => number(p.hired) },
        { name: 'Conversion', num: true, cell: (p) => percent(p.conversion) },
        { name: 'Active', num: true, cell: (p) => number(p.stages.active) },
        { name: 'Overdue', num: true, cell: (p) => number(p.overdueDebriefs) },
        { name: 'At risk', num: true, cell: (p) => number(p.atRisk) },
      ],
      pipeline.programs,
      { testid: 'programs' },
    ),
    h('h2', {}, 'Activity in the last four weeks'),
    activity(t),
    h(
      'p',
      { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => downloadCsv() }, 'Download pipeline CSV'),
    ),
  );
  announce('All programs loaded');
}

async function programView(programId) {
  const [pipeline, overdue, atRisk, recent, reports] = await Promise.all([
    api(`/api/dashboard/pipeline?programId=${programId}`),
    api(`/api/programs/${programId}/organizers?overdue=true&limit=50`),
    api(`/api/programs/${programId}/organizers?atRisk=true&limit=50`),
    api(`/api/programs/${programId}/organizers?limit=50`),
    api(`/api/programs/${programId}/reports?limit=8`),
  ]);
  const p = pipeline.programs[0];
  const people = [
    { name: 'Name', cell: organizerLink },
    { name: 'Stage', cell: stageTag },
    { name: 'Since', cell: (o) => date(o.stageEnteredAt) },
    { name: 'Flags', cell: flags },
  ];
  show(
    h('p', {}, h('a', { href: '#/' }, '← All programs')),
    h('h1', {}, p.name),
    h('p', { class: 'muted' }, p.affiliate),
    kpis(p),
    h(
      'div',
      { class: 'grid-2' },
      h('section', {}, h('h2', {}, 'Pipeline'), funnel(p.stages, `Organizers by stage in ${p.name}`)),
      h(
        'section',
        {},
        h('h2', {}, 'Where people wait'),
        table(
          'Median days in stage (organizers in it now)',
          [
            { name: 'Stage', cell: (row) => stageNames[row[0]] },
            { name: 'Median days', num: true, cell: (row) => (row[1] === null ? '—' : row[1].toFixed(1)) },
          ],
          Object.entries(p.medianDaysInStage),
        ),
        h(
          'p',
          { class: 'muted' },
          `${p.rideAlongs.meetingRequirement} of ${p.rideAlongs.active} active organizers have all their ride-alongs.`,
        ),
      ),
    ),
    h('h2', {}, 'Needs attention'),
    h(
      'div',
      { class: 'grid-2' },
      table(`Overdue debriefs (${overdue.total})`, people, overdue.items, { testid: 'overdue' }),
      table(`At risk (${atRisk.total})`, people, atRisk.items, { testid: 'at-risk' }),
    ),
    h('h2', {}, 'Activity in the last four weeks'),
    activity(p),
    h('h2', {}, 'Weekly reports to national'),
    table(
      'Newest first',
      [
        { name: 'Week of', cell: (r) => date(r.weekStart) },
        { name: 'Submitted', num: true, cell: (r) => number(r.submitted.length) },
        { name: 'Missing', num: true, cell: (r) => number(r.missing.length) },
        { name: 'Hours', num: true, cell: (r) => number(r.totals.hours) },
        { name: 'Conversations', num: true, cell: (r) => number(r.totals.conversations) },
      ],
      reports.items,
    ),
    h('h2', {}, 'Organizers'),
    table(`Newest applications (${recent.items.length} of ${recent.total})`, people, recent.items, {
      testid: 'organizers',
    }),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => downloadCsv(programId) },
        'Download this pipeline as CSV',
      ),
    ),
  );
  announce(`${p.name} loaded`);
}

async function organizerView(organizerId) {
  const o = await api(`/api/organizers/${organizerId}`);
  show(
    h('p', {}, h('a', { href: `#/program/${o.programId}` }, '← Program')),
    h('h1', {}, o.name),
    h(
      'p',
      { class: 'actions' },
      stageTag(o),
      ...flags(o),
      ...o.flags.map((f) => h('span', { class: 'tag' }, f.replace(/_/g, ' '))),
    ),
    h(
      'div',
      { class: 'kpis' },
      kpi('Member', o.memberId, 'memberId'),
      kpi('Next debrief due', o.nextDebriefDueAt ? date(o.nextDebriefDueAt) : '—', 'nextDebriefDueAt'),
      kpi('Debriefs', number(o.totals.debriefs ?? 0), 'debriefs'),
      kpi('Ride-alongs', number(o.rideAlongCount), 'rideAlongs'),
    ),
    o.ineligibleReasons.length ? h('p', { class: 'error' }, `Ineligible: ${o.ineligibleReasons.join('; ')}`) : null,
    h('div', { class: 'grid-2' }, [
      h(
        'section',
        {},
        h('h2', {}, 'Timeline'),
        h(
          'ol',
          { class: 'timeline', 'data-timeline': o.id },
          o.history.map((t) =>
            h(
              'li',
              {},
              h('strong', {}, stageNames[t.to] ?? t.to),
              ' ',
              h('span', { class: 'muted' }, `${dateTime(t.at)} · ${t.actorName ?? t.actor}`),
              t.reason ? h('div', {}, t.reason) : null,
            ),
          ),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Reminders'),
        table(
          'Newest first',
          [
            { name: 'What', cell: (n) => n.kind.replace(/_/g, ' ') },
            { name: 'To', cell: (n) => n.recipientRole },
            { name: 'When', cell: (n) => dateTime(n.createdAt) },
            {
              name: 'Resolved',
              cell: (n) => (n.resolvedAt ? dateTime(n.resolvedAt) : h('span', { class: 'tag warn' }, 'open')),
            },
          ],
          o.notifications,
        ),
      ),
    ]),
    h('h2', {}, 'Debriefs'),
    table(
      'Newest first',
      [
        { name: 'Week of', cell: (d) => date(d.periodStart) },
        { name: 'Hours', num: true, cell: (d) => number(d.hours) },
        { name: 'Conversations', num: true, cell: (d) => number(d.conversations) },
        { name: 'One-on-ones', num: true, cell: (d) => number(d.oneOnOnes) },
        { name: 'Leaders', num: true, cell: (d) => number(d.leadersIdentified) },
        {
          name: 'How',
          cell: (d) =>
            [d.inPerson ? 'in person' : 'remote', d.group ? ', group' : '', d.late ? ' (late)' : ''].join(''),
        },
        { name: 'Notes', cell: (d) => d.notes ?? '' },
      ],
      o.debriefs,
      { testid: 'debriefs' },
    ),
    h('div', { class: 'grid-2' }, [
      table(
        'Trainings',
        [
          { name: 'Training', cell: (t) => t.training },
          { name: 'Completed', cell: (t) => date(t.completedAt) },
        ],
        o.trainings,
      ),
      table(
        'Ride-alongs',
        [
          { name: 'Date', cell: (r) => r.date.slice(0, 10) },
          { name: 'With', cell: (r) => r.staff },
        ],
        o.rideAlongs,
      ),
    ]),
  );
  announce(`${o.name} loaded`);
}

// ---- routing ------------------------------------------------------------------------------------------------------

async function renderAccount(me) {
  const account = document.getElementById('account');
  account.replaceChildren(
    h('span', {}, `Signed in as ${me.role}`),
    h(
      'button',
      {
        type: 'button',
        class: 'quiet',
        onclick: () => {
          sessionStorage.removeItem(tokenKey);
          location.hash = '#/';
          signInView();
          account.replaceChildren();
        },
      },
      'Sign out',
    ),
  );
}

async function route() {
  try {
    const me = await api('/api/users/me');
    triedToken = false;
    if (!openStages.length) {
      const { items } = await api('/api/stages');
      openStages = items.filter((s) => s.open).map((s) => s.name);
      closedStages = items.filter((s) => !s.open).map((s) => s.name);
      stageNames = Object.fromEntries(items.map((s) => [s.name, s.label]));
    }
    await renderAccount(me);
    const [, view, id] = location.hash.split('/');
    if (me.role === 'organizer') return await organizerView(me.organizerId);
    if (view === 'program' && id) return await programView(id);
    if (view === 'organizer' && id) return await organizerView(id);
    return await overviewView();
  } catch (error) {
    if (error instanceof SignedOut)
      return signInView(triedToken ? 'That token was not accepted. Check it and try again.' : undefined);
    show(
      h('h1', {}, 'Something went wrong'),
      h('p', { class: 'error', role: 'alert' }, error.message),
      h('p', {}, h('a', { href: '#/' }, 'Back to all programs')),
    );
  }
}

window.addEventListener('hashchange', route);
route();
