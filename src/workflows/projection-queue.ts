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
 * version whole, whatever landed before it.
 */
export class ProjectionQueue {
  private pending: UnstoredChange[] = [];
  /** The highest version handed to a caller that writes it itself (and noted an intent the sweep acts on). */
  private handedToCallers = 0;

  add(version: number, changes: Changes): void {
    this.pending.push({ version, changes });
  }

  /** Whether some change is not yet known to be stored. */
  get waiting(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Whether some change waits that the workflow's own activity must write: one no caller is writing, or one that raised
   * notifications (the activity writes them, then emails them: mail never goes out before its rows exist).
   */
  get ownWriteNeeded(): boolean {
    return this.pending.some((entry) => entry.version > this.handedToCallers || entry.changes.notifications.length > 0);
  }

  /** What a write of `state` carries: its row, and every change not yet known to be stored. */
  projectionOf(state: OrganizerState): Projection {
    const changes = noChanges();
    for (const entry of this.pending) mergeChanges(changes, entry.changes);
    return { organizer: snapshotOf(state), changes };
  }

  /** A caller writes everything up to `version` (the result it was answered). */
  handedToCaller(version: number): void {
    this.handedToCallers = Math.max(this.handedToCallers, version);
  }

  /** The workflow's projection up to `version` is stored (and its notifications emailed): its changes leave. */
  stored(version: number): void {
    this.pending = this.pending.filter((entry) => entry.version > version);
  }

  /** A caller read the row at `version`: changes up to it leave, but for those whose notifications await email. */
  storedByCaller(version: number): void {
    this.pending = this.pending.filter((entry) => entry.version > version || entry.changes.notifications.length > 0);
  }
}
