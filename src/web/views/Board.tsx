// A program's board: a column per open stage, a card per person (local, days in stage against the stage's limit,
// what is due next, flags), filters and search kept in the address, and group sessions for people picked on it.
// Which stages a group action can pick from comes from the API (the stages that accept the action).
import { useMemo, useState } from 'preact/hooks';
import { get } from '../api';
import type { BoardCardDto, BoardDto, OrganizerListDto } from '../api-types';
import { href, navigate } from '../router';
import { daysBetween, relative, when } from '../time';
import { announce, Failed, inputValue, Loading, number, Tag, useData } from '../ui';
import { vocabulary } from '../vocabulary';
import { GroupSessionForm, groupActions, type GroupAction } from './GroupSession';

const shownPerColumn = 25;

const flagFilters: Record<string, { label: string; test: (c: BoardCardDto) => boolean }> = {
  atRisk: { label: 'At risk', test: (c) => c.atRisk },
  overdue: { label: 'Overdue debriefs', test: (c) => c.overdueDebriefs > 0 },
  leader: { label: 'Current leaders', test: (c) => c.flags.includes('current_leader') },
  paused: { label: 'Paused', test: (c) => c.paused },
};

/** Where the board was, filters included, so the person panel can lead back to it. */
export const boardReturnKey = 'organizer-pipeline-board';

function Card({
  card,
  timezone,
  selectable,
  selected,
  onSelect,
}: {
  card: BoardCardDto;
  timezone: string;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const v = vocabulary();
  const days = daysBetween(card.stageEnteredAt);
  const over = card.stageDueAt && Date.parse(card.stageDueAt) < Date.now();
  const next =
    card.nextDueAt &&
    (card.stage === 'screening'
      ? `Screening ${when(card.nextDueAt, timezone)}`
      : card.stage === 'offered'
        ? `Offer lapses ${when(card.nextDueAt, timezone)}`
        : `Next debrief due ${when(card.nextDueAt, timezone)}`);
  return (
    <li class={`board-card${over ? ' late' : ''}`} data-card={card.id}>
      {selectable ? (
        <input
          type="checkbox"
          class="pick"
          checked={selected}
          aria-label={`Select ${card.name}`}
          onChange={(e) => onSelect((e.target as HTMLInputElement).checked)}
        />
      ) : null}
      <div class="card-body">
        <a class="card-name" href={href(`/organizer/${card.id}`)}>
          {card.name}
        </a>
        <p class="muted small">
          {card.local ?? 'No local'} · {card.memberId}
          {spokenBy(card).some((code) => code !== 'en')
            ? ` · Speaks ${spokenBy(card).map(languageName).join(', ')}`
            : ''}
        </p>
        <p class="small">
          {days === 1 ? '1 day' : `${days} days`} in {v.stageLabel(card.stage).toLowerCase()}
          {card.stageDueAt ? (
            over ? (
              <Tag tone="warn">over its limit {relative(card.stageDueAt)}</Tag>
            ) : (
              <span class="muted"> · limit {relative(card.stageDueAt)}</span>
            )
          ) : null}
        </p>
        {next ? <p class="small">{next}</p> : null}
        <p class="tags">
          {card.atRisk ? <Tag tone="risk">at risk</Tag> : null}
          {card.overdueDebriefs ? <Tag tone="warn">{card.overdueDebriefs} overdue</Tag> : null}
          {card.flags.includes('current_leader') ? <Tag>current leader</Tag> : null}
          {card.paused ? <Tag>paused</Tag> : null}
        </p>
      </div>
    </li>
  );
}

function Column({
  stage,
  cards,
  timezone,
  selection,
  setSelection,
  pickable,
}: {
  stage: string;
  cards: BoardCardDto[];
  timezone: string;
  selection: Set<string>;
  setSelection: (next: Set<string>) => void;
  pickable: boolean;
}) {
  const v = vocabulary();
  const [all, setAll] = useState(false);
  const shown = all ? cards : cards.slice(0, shownPerColumn);
  const headingId = `column-${stage}`;
  const picked = cards.filter((c) => selection.has(c.id)).length;
  return (
    <section class="board-column" aria-labelledby={headingId} data-column={stage}>
      <h2 id={headingId}>
        {v.stageLabel(stage)} <span class="count">{number(cards.length)}</span>
      </h2>
      {pickable && cards.length ? (
        <p class="small">
          <button
            type="button"
            class="quiet"
            onClick={() => {
              const next = new Set(selection);
              for (const c of cards) {
                if (picked === cards.length) next.delete(c.id);
                else next.add(c.id);
              }
              setSelection(next);
            }}
          >
            {picked === cards.length
              ? `Unselect all ${v.stageLabel(stage).toLowerCase()}`
              : `Select all ${cards.length}`}
          </button>
        </p>
      ) : null}
      {cards.length ? (
        <ul class="cards">
          {shown.map((card) => (
            <Card
              card={card}
              timezone={timezone}
              selectable={pickable}
              selected={selection.has(card.id)}
              onSelect={(on) => {
                const next = new Set(selection);
                if (on) next.add(card.id);
                else next.delete(card.id);
                setSelection(next);
              }}
            />
          ))}
        </ul>
      ) : (
        <p class="muted small">Nobody here.</p>
      )}
      {cards.length > shown.length ? (
        <button type="button" class="secondary" onClick={() => setAll(true)}>
          Show all {number(cards.length)}
        </button>
      ) : null}
    </section>
  );
}

function ClosedDrawer({ programId, closed }: { programId: string; closed: Record<string, number> }) {
  const v = vocabulary();
  const [open, setOpen] = useState<string>();
  const [people, setPeople] = useState<OrganizerListDto>();
  const total = Object.values(closed).reduce((a, b) => a + b, 0);
  return (
    <details class="closed-drawer card">
      <summary>Closed ({number(total)})</summary>
      <ul class="inline-list">
        {v.closedStages.map((stage) => (
          <li>
            <button
              type="button"
              class="quiet"
              aria-pressed={open === stage}
              disabled={!closed[stage]}
              onClick={async () => {
                setOpen(stage);
                setPeople(
                  await get<OrganizerListDto>(`/api/programs/${programId}/organizers?stage=${stage}&limit=200`),
                );
              }}
            >
              {v.stageLabel(stage)}: {number(closed[stage] ?? 0)}
            </button>
          </li>
        ))}
      </ul>
      {open && people ? (
        <ul>
          {people.items.map((p) => (
            <li>
              <a href={href(`/organizer/${p.id}`)}>{p.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

/** The languages a card's person speaks: those they said, and the one they read. */
const spokenBy = (card: BoardCardDto) => [...new Set([card.preferredLanguage, ...card.languages])];
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (code: string) => languageNames.of(code) ?? code;

export function Board({ programId, query }: { programId: string; query: URLSearchParams }) {
  const v = vocabulary();
  const { data, error, reload } = useData(() => get<BoardDto>(`/api/programs/${programId}/board`), [programId]);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [acting, setActing] = useState<GroupAction>();
  const stage = query.get('stage') ?? '';
  const local = query.get('local') ?? '';
  const flag = query.get('flag') ?? '';
  const search = query.get('q') ?? '';
  const speaks = query.get('speaks') ?? '';
  const path = `/program/${programId}/board`;
  const filters = { stage, local, flag, speaks, q: search };
  sessionStorage.setItem(boardReturnKey, href(path, filters));
  const setFilter = (name: string, value: string) => navigate(path, { ...filters, [name]: value }, true);

  const visible = useMemo(() => {
    if (!data) return [];
    const wanted = search.trim().toLowerCase();
    return data.items.filter(
      (c) =>
        (!local || c.local === local) &&
        (!speaks || spokenBy(c).includes(speaks)) &&
        (!flag || flagFilters[flag]?.test(c)) &&
        (!wanted || c.name.toLowerCase().includes(wanted) || c.memberId.toLowerCase().includes(wanted)),
    );
  }, [data, local, flag, speaks, search]);

  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the board" />;
  const locals = [...new Set(data.items.map((c) => c.local).filter((l): l is string => !!l))].sort();
  const spoken = [...new Set(data.items.flatMap(spokenBy))].sort((a, b) =>
    languageName(a).localeCompare(languageName(b)),
  );
  const columns = v.openStages.filter((s) => !stage || s === stage);
  const shown = visible.filter((c) => columns.includes(c.stage));
  announce(`Board loaded: ${shown.length} people`);
  const picked = data.items.filter((c) => selection.has(c.id));
  const pickableStages = new Set(groupActions.flatMap((a) => v.acceptedIn(a)));
  const possible = groupActions.filter((a) => picked.length && picked.every((c) => v.acceptedIn(a).includes(c.stage)));
  const filtered = stage || local || flag || speaks || search;

  return (
    <>
      <h1>Board</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="board-search">Search by name or member id</label>
          <input id="board-search" type="search" value={search} onInput={(e) => setFilter('q', inputValue(e))} />
        </div>
        <div class="field">
          <label for="board-stage">Stage</label>
          <select id="board-stage" value={stage} onChange={(e) => setFilter('stage', inputValue(e))}>
            <option value="">All open stages</option>
            {v.openStages.map((s) => (
              <option value={s}>{v.stageLabel(s)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="board-local">Local</label>
          <select id="board-local" value={local} onChange={(e) => setFilter('local', inputValue(e))}>
            <option value="">All locals</option>
            {locals.map((l) => (
              <option value={l}>{l}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="board-speaks">Speaks</label>
          <select id="board-speaks" value={speaks} onChange={(e) => setFilter('speaks', inputValue(e))}>
            <option value="">Any language</option>
            {spoken.map((code) => (
              <option value={code}>{languageName(code)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="board-flag">Flag</label>
          <select id="board-flag" value={flag} onChange={(e) => setFilter('flag', inputValue(e))}>
            <option value="">Any</option>
            {Object.entries(flagFilters).map(([name, f]) => (
              <option value={name}>{f.label}</option>
            ))}
          </select>
        </div>
        {filtered ? (
          <p>
            <a href={href(path)}>Clear filters</a>
          </p>
        ) : null}
      </form>
      <p class="muted" aria-live="polite">
        {filtered
          ? `${number(shown.length)} of ${number(data.items.length)} people in open stages match.`
          : `${number(data.items.length)} people in open stages.`}
      </p>
      {picked.length ? (
        <div class="bulk-bar card" role="region" aria-label="Selected people">
          <p>
            <strong>{picked.length} selected</strong>{' '}
            <button type="button" class="quiet" onClick={() => setSelection(new Set())}>
              Clear selection
            </button>
          </p>
          {possible.length ? (
            possible.map((action) => (
              <button type="button" onClick={() => setActing(action)}>
                {action === 'schedule-screening' ? 'Schedule group screening' : 'Record group debrief'} ({picked.length}
                )
              </button>
            ))
          ) : (
            <p class="muted small">Pick people from one stage to act on them together.</p>
          )}
        </div>
      ) : null}
      {acting ? (
        <GroupSessionForm
          programId={programId}
          timezone={data.timezone}
          action={acting}
          people={picked}
          onClose={() => setActing(undefined)}
          onDone={() => {
            setSelection(new Set());
            void reload();
          }}
        />
      ) : null}
      <div class="board" tabIndex={0} role="region" aria-label="Board: a column per stage">
        {columns.map((s) => (
          <Column
            stage={s}
            cards={visible.filter((c) => c.stage === s)}
            timezone={data.timezone}
            selection={selection}
            setSelection={setSelection}
            pickable={pickableStages.has(s)}
          />
        ))}
      </div>
      {!shown.length && filtered ? (
        <p>
          Nobody matches. <a href={href(path)}>Clear the filters</a>
        </p>
      ) : null}
      {!data.items.length ? (
        <p>
          Nobody in the pipeline yet. <a href={href(`/program/${programId}/apply`)}>Enter an application</a>
        </p>
      ) : null}
      <ClosedDrawer programId={programId} closed={data.closed} />
    </>
  );
}
