// Today: what is due across the coordinator's programs, by deadline: overdue first, then today, this week, later.
// Each row says the rule behind it and opens the action that clears it.
import { useState } from 'preact/hooks';
import { get } from '../api';
import type { InboxDto, InboxItemDto } from '../api-types';
import { href } from '../router';
import { relative, when } from '../time';
import { announce, Failed, Field, inputValue, Loading, Tag, useData } from '../ui';
import { vocabulary } from '../vocabulary';

// Whether an item is overdue is the API's to say; the rest are grouped by when they are due.
function groupOf(item: InboxItemDto, now: number): string {
  const due = Date.parse(item.dueAt);
  if (item.overdue) return 'Overdue';
  if (due < now + 86_400_000) return 'Due today';
  if (due < now + 7 * 86_400_000) return 'This week';
  return 'Later';
}

export function Today({ programId }: { programId?: string }) {
  const v = vocabulary();
  const [only, setOnly] = useState('');
  const { data, error } = useData(
    () => get<InboxDto>(`/api/inbox${programId ? `?programId=${programId}` : ''}`),
    [programId],
  );
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="your to-do list" />;
  const now = Date.now();
  // A coordinator of several programs sees each item's program, and may show one program only.
  const programs = [...new Map(data.items.map((i) => [i.programId, i.programName])).entries()];
  const shown = data.items.filter((i) => !only || i.programId === only);
  const groups = ['Overdue', 'Due today', 'This week', 'Later']
    .map((name) => ({ name, items: shown.filter((i) => groupOf(i, now) === name) }))
    .filter((g) => g.items.length);
  announce(`Today: ${shown.length} to do`);
  return (
    <>
      <h1>Today</h1>
      {programs.length > 1 ? (
        <Field name="program" label="Program">
          {(p) => (
            <select {...p} value={only} onChange={(e) => setOnly(inputValue(e))}>
              <option value="">All programs</option>
              {programs.map(([id, name]) => (
                <option value={id}>{name}</option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {groups.length ? (
        groups.map((g) => (
          // An id has no spaces: aria-labelledby reads "group-Due today" as two ids, and the section lost its name.
          <section aria-labelledby={`group-${g.name.replace(/ /g, '-')}`} class="inbox-group">
            <h2 id={`group-${g.name.replace(/ /g, '-')}`}>
              {g.name} <span class="count">{g.items.length}</span>
            </h2>
            <ul class="inbox">
              {g.items.map((item) => (
                <li data-inbox={item.kind} class="card">
                  <p>
                    <strong>{item.title}</strong>: <a href={href(`/organizer/${item.organizerId}`)}>{item.name}</a>{' '}
                    {g.name === 'Overdue' ? <Tag tone="warn">{relative(item.dueAt, now)}</Tag> : null}
                  </p>
                  <p class="small">
                    {programs.length > 1 ? `${item.programName}. ` : ''}
                    Due {when(item.dueAt, item.timezone)} ({item.timezone})
                    {item.period
                      ? `, for ${when(item.period.start, item.timezone)} to ${when(item.period.end, item.timezone)}`
                      : ''}
                  </p>
                  <p class="small muted">{item.rule}</p>
                  {item.action ? (
                    <p>
                      <a class="button" href={href(`/organizer/${item.organizerId}`, { action: item.action })}>
                        {v.actionLabel(item.action)}
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p>Nothing is due. New applications, screenings to record and debriefs falling due will show up here.</p>
      )}
    </>
  );
}
