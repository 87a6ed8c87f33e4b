// A person's history in time order: each change of stage (who, why), each staff note, each message the system sent
// about them; in the program's zone, filtered to one kind or all. Everything in it comes from the API as it is.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';
import type { NoteListDto, OrganizerDetailDto } from '../api-types';
import { when } from '../time';
import { useData } from '../ui';
import { vocabulary } from '../vocabulary';
import { notesChanged } from './Notes';

type Kind = 'changes' | 'notes' | 'messages' | 'all';
const kinds: { value: Kind; label: string }[] = [
  { value: 'changes', label: 'Changes' },
  { value: 'notes', label: 'Notes' },
  { value: 'messages', label: 'Messages' },
  { value: 'all', label: 'Everything' },
];

interface Entry {
  kind: Exclude<Kind, 'all'>;
  at: string;
  title: string;
  by: string;
  text?: string;
}

/** `staff`: the reader may read notes (an organizer never does). */
export function History({ organizer: o, staff }: { organizer: OrganizerDetailDto; staff: boolean }) {
  const v = vocabulary();
  const [shown, setShown] = useState<Kind>('changes');
  const notes = useData(
    () => (staff ? get<NoteListDto>(`/api/organizers/${o.id}/notes`) : Promise.resolve({ items: [] })),
    [o.id, o.version, staff],
  );
  useEffect(() => {
    const changed = () => void notes.reload();
    window.addEventListener(notesChanged, changed);
    return () => window.removeEventListener(notesChanged, changed);
  }, [notes.reload]);
  const entries: Entry[] = [
    ...o.history.map((t): Entry => ({
      kind: 'changes',
      at: t.at,
      title: v.stageLabel(t.to),
      by: t.actorInWords,
      text: t.reason,
    })),
    ...(notes.data?.items ?? []).map((n): Entry => ({
      kind: 'notes',
      at: n.createdAt,
      title: 'Note',
      by: n.authorInWords,
      text: n.text,
    })),
    ...o.notifications.map((n): Entry => ({
      kind: 'messages',
      at: n.createdAt,
      title: `To the ${n.recipientRole}`,
      by: '',
      text: n.summary,
    })),
  ]
    .filter((e) => shown === 'all' || e.kind === shown)
    .sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">History</h2>
      <fieldset class="filters">
        <legend class="visually-hidden">Show</legend>
        {kinds
          .filter((k) => staff || k.value !== 'notes')
          .map((k) => (
            <label class="option">
              <input type="radio" name="history-kind" checked={shown === k.value} onChange={() => setShown(k.value)} />
              {k.label}
            </label>
          ))}
      </fieldset>
      <ol class="timeline" data-timeline={shown === 'changes' ? o.id : undefined} data-history={shown}>
        {entries.length ? (
          entries.map((e) => (
            <li class={`history-${e.kind}`}>
              <strong>{e.title}</strong>{' '}
              <span class="muted">
                {when(e.at, o.timezone)}
                {e.by ? ` · ${e.by}` : ''}
              </span>
              {e.text ? <div class="note-text">{e.text}</div> : null}
            </li>
          ))
        ) : (
          <li class="muted">Nothing yet.</li>
        )}
      </ol>
    </section>
  );
}
