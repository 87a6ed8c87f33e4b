import { Changes, mergeChanges, noChanges, OrganizerState } from '../domain/organizer';
import { Projection, snapshotOf } from '../domain/snapshot';

/** A change of the organizer not yet known to be stored in the read models, with the version it brought. */
interface UnstoredChange {
  version: number;
  changes: Changes;
}

/**
 * The changes the read models may not have yet, oldest first. Every projection carries all of them, so whichever
 * write lands (the API's from an update result, the sweep's, or the workflow's activity) brings the rows up to that
 * version whole, whatever landed before it. Apart from them, the notifications still to be emailed: only the
 * workflow's own activity emails, once their rows exist.
 */
export class ProjectionQueue {
  private pending: UnstoredChange[] = [];
  /** The highest version handed to a caller that writes it itself (and noted an intent the sweep acts on). */
  private handedToCallers = 0;
  private toEmail: string[] = [];

  add(version: number, changes: Changes): void {
    this.pending.push({ version, changes });
    this.toEmail.push(...changes.notifications.map((notification) => notification.id));
  }

  /** Whether some change is not yet known to be stored, or some notification not yet emailed. */
  get waiting(): boolean {
    return this.pending.length > 0 || this.toEmail.length > 0;
  }

  /** Whether the workflow's own activity must run: a change no caller is writing, or notifications to email. */
  get ownWriteNeeded(): boolean {
    return this.toEmail.length > 0 || this.pending.some((entry) => entry.version > this.handedToCallers);
  }

  /** What a write of `state` carries: its row, and every change not yet known to be stored. */
  projectionOf(state: OrganizerState): Projection {
    const changes = noChanges();
    for (const entry of this.pending) mergeChanges(changes, entry.changes);
    return { organizer: snapshotOf(state), changes };
  }

  /** The notifications the next own write emails (their rows are in it, or stored already). */
  emails(): string[] {
    return [...this.toEmail];
  }

  /** A caller writes everything up to `version` (the result it was answered). */
  handedToCaller(version: number): void {
    this.handedToCallers = Math.max(this.handedToCallers, version);
  }

  /** The workflow's projection up to `version` is stored and `emailed` handed to the mail: they leave. */
  stored(version: number, emailed: string[]): void {
    this.pending = this.pending.filter((entry) => entry.version > version);
    this.toEmail = this.toEmail.filter((id) => !emailed.includes(id));
  }

  /** A caller read the row at `version`: every change up to it is stored. */
  storedByCaller(version: number): void {
    this.pending = this.pending.filter((entry) => entry.version > version);
  }
}
