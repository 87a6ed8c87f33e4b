// Who did something, in the words people read: a person by name and role, the product's own actors by what they are.
import { productActorIds, type ProductActorId } from '../domain/actors';
import type { Role } from '../domain/roles';
import { say } from './say';

/**
 * `actor` in words: `person` is who the id names (a user, or the organizer acting on their own record through a link),
 * when it names anyone still known.
 */
export function actorInWords(actor: string, person?: { name: string; role: Role } | null): string {
  if (person) return say('actor.person', { name: person.name, role: { key: `role.${person.role}` } });
  const product = productActorIds.find((id): id is ProductActorId => id === actor);
  return say(product ? `actor.${product}` : 'actor.unknown');
}
