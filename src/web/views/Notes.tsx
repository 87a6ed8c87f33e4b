// Staff notes on a person: written here, edited or deleted by their author (or an admin), never shown to the member.
import { useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import type { NoteDto, NoteListDto } from '../api-types';
import { when } from '../time';
import { Failed, Field, FormAlert, inputValue, Loading, useAction, useData } from '../ui';

/** The event a change of notes sends the page. */
export const notesChanged = 'notes-changed';

export function Notes({ organizerId, timezone }: { organizerId: string; timezone: string }) {
  const path = `/api/organizers/${organizerId}/notes`;
  const { data, error, reload } = useData(() => get<NoteListDto>(path), [organizerId]);
  // The history beside it lists the notes too: it hears of each change.
  const { busy, failure, run } = useAction(async () => {
    await reload();
    window.dispatchEvent(new CustomEvent(notesChanged));
  });
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  if (error) return <Failed error={error} />;
  if (!data) return <Loading what="the notes" />;
  const problem = failure instanceof ApiError ? failure.problemFor('text') : undefined;
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes ({data.items.length})</h2>
      <p class="muted small">For staff only: the member never sees them.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await send('POST', path, { text });
            setText('');
          }, 'Note saved.');
        }}
      >
        <FormAlert error={editing ? undefined : failure} fields={['text']} marked="above" />
        <Field label="New note" name="note-text" error={editing ? undefined : problem}>
          {(props) => (
            <textarea {...props} rows={3} maxLength={4000} value={text} onInput={(e) => setText(inputValue(e))} />
          )}
        </Field>
        <p>
          <button type="submit" disabled={busy}>
            Save note
          </button>
        </p>
      </form>
      <ol class="notes" data-notes={organizerId}>
        {data.items.map((note) =>
          editing === note.id ? (
            <li>
              <EditNote
                note={note}
                busy={busy}
                error={failure}
                onCancel={() => setEditing(null)}
                onSave={(changed) =>
                  run(async () => {
                    await send('PATCH', `${path}/${note.id}`, { text: changed });
                    setEditing(null);
                  }, 'Note changed.')
                }
              />
            </li>
          ) : (
            <li>
              <p class="note-text">{note.text}</p>
              <span class="muted small">
                {note.authorInWords} · {when(note.createdAt, timezone)}
                {note.editedAt ? ` · edited ${when(note.editedAt, timezone)}` : ''}
              </span>
              {note.mine ? (
                <span class="note-actions">
                  <button type="button" class="quiet" disabled={busy} onClick={() => setEditing(note.id)}>
                    Edit<span class="visually-hidden"> the note of {when(note.createdAt, timezone)}</span>
                  </button>
                  <button type="button" class="quiet" disabled={busy} onClick={() => setDeleting(note.id)}>
                    Delete<span class="visually-hidden"> the note of {when(note.createdAt, timezone)}</span>
                  </button>
                </span>
              ) : null}
              {deleting === note.id ? (
                <p role="group" aria-label="Delete this note?">
                  Delete this note for good?{' '}
                  <button
                    type="button"
                    class="danger"
                    disabled={busy}
                    onClick={() =>
                      void run(async () => {
                        await send('DELETE', `${path}/${note.id}`, undefined);
                        setDeleting(null);
                      }, 'Note deleted.')
                    }
                  >
                    Delete it
                  </button>{' '}
                  <button type="button" class="secondary" onClick={() => setDeleting(null)}>
                    Keep it
                  </button>
                </p>
              ) : null}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

function EditNote({
  note,
  busy,
  error,
  onCancel,
  onSave,
}: {
  note: NoteDto;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onSave: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState(note.text);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(text);
      }}
    >
      <FormAlert error={error} fields={['text']} marked="above" />
      <Field
        label="Change the note"
        name={`note-${note.id}`}
        error={error instanceof ApiError ? error.problemFor('text') : undefined}
      >
        {(props) => (
          <textarea {...props} rows={3} maxLength={4000} value={text} onInput={(e) => setText(inputValue(e))} />
        )}
      </Field>
      <p>
        <button type="submit" disabled={busy}>
          Save the change
        </button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
