// Who did something, in the words people read: a person by name and role, the product's own actors by what they are.
// Actor ids are stored (stage transitions, the audit trail, a role-play's scorer) and never shown.
import type { Role } from './roles';

/** The product's own actors, whose ids are no one's user id. */
export const productActors = {
  system: 'the system',
  'public-form': 'the public form',
  'bootstrap-admin': 'the administrator (ADMIN_TOKEN)',
} as const;
export type ProductActorId = keyof typeof productActors;

const roleLabels: Record<Role, string> = {
  admin: 'administrator',
  national: 'national staff',
  coordinator: 'coordinator',
  organizer: 'organizer',
};

/**
 * `actor` in words: `person` is who the id names (a user, or the organizer acting on their own record through a link),
 * when it names anyone still known.
 */
export function actorInWords(actor: string, person?: { name: string; role: Role } | null): string {
  if (person) return `${person.name}, ${roleLabels[person.role]}`;
  return productActors[actor as ProductActorId] ?? 'someone no longer in the product';
}
