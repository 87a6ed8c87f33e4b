// Who did something: actor ids are stored (stage transitions, the audit trail, a role-play's scorer) and never shown;
// src/words/actors.ts says who they were.

/** The product's own actors, whose ids are no one's user id (in words: the catalog's `actor.<id>`). */
export const productActorIds = ['system', 'public-form', 'bootstrap-admin'] as const;
export type ProductActorId = (typeof productActorIds)[number];
