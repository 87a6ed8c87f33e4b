// Who an actor id names, as `{ name, role }` JSON (null for the product's own actors and people no longer known): a
// user, or an organizer acting on their own record through a link. Shared by every query that shows who acted.

/** A scalar subquery over `expression` (text holding an actor id); it compares uuids, so the primary keys are used. */
export function actorPerson(expression: string): string {
  const column = `(${expression})`;
  const id = `(CASE WHEN ${column} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${column}::uuid END)`;
  // Aliases of their own, so the caller's (`a`, `u`, `o`…) stay visible in `expression`.
  return `(SELECT json_build_object('name', actor_person.name, 'role', actor_person.role) FROM (
      SELECT actor_user.name, actor_user.role, 0 AS rank FROM users actor_user WHERE actor_user.id = ${id}
      UNION ALL SELECT actor_organizer.name, 'organizer', 1 FROM organizers actor_organizer
       WHERE actor_organizer.id = ${id} AND actor_organizer.erased_at IS NULL
    ) actor_person ORDER BY actor_person.rank LIMIT 1)`;
}
