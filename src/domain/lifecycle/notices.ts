// Reminders raised and answered: a notification opened on the state and in the changes, and resolved by whoever or
// whatever answered it.
import {
  systemActor,
  type Actor,
  type Changes,
  type NotificationKind,
  type OrganizerState,
  type RecipientRole,
} from '../organizer';
import type { Said } from '../words/said';
import { iso } from './time';

function notificationId(state: OrganizerState, kind: NotificationKind, key: string): string {
  return `${state.organizerId}:${kind}:${key}`;
}

export function notify(
  state: OrganizerState,
  changes: Changes,
  kind: NotificationKind,
  key: string,
  recipientRole: RecipientRole,
  at: number,
  said: Said,
  dueAt?: number,
): void {
  const id = notificationId(state, kind, key);
  changes.notifications.push({
    id,
    organizerId: state.organizerId,
    programId: state.programId,
    kind,
    recipientRole,
    createdAt: iso(at),
    said,
    ...(dueAt !== undefined ? { dueAt: iso(dueAt) } : {}),
  });
  state.openNotifications.push({ id, kind, key });
}

/**
 * A message that asks nothing of anyone (announcementKinds): stored and sent like a reminder, in the person's history,
 * but answered the moment it is raised, so it is never a to-do and never waits to be resolved.
 */
export function announce(
  state: OrganizerState,
  changes: Changes,
  kind: NotificationKind,
  key: string,
  recipientRole: RecipientRole,
  at: number,
  said: Said,
): void {
  notify(state, changes, kind, key, recipientRole, at, said);
  resolve(state, changes, (n) => n.kind === kind && n.key === key, at, systemActor);
}

/** Resolves open notifications matching `which`, recording who or what answered them. */
export function resolve(
  state: OrganizerState,
  changes: Changes,
  which: (n: OrganizerState['openNotifications'][number]) => boolean,
  at: number,
  by: Actor,
): void {
  const remaining: OrganizerState['openNotifications'] = [];
  for (const open of state.openNotifications) {
    if (which(open)) changes.resolutions.push({ id: open.id, resolvedAt: iso(at), resolvedBy: by.id });
    else remaining.push(open);
  }
  state.openNotifications = remaining;
}
