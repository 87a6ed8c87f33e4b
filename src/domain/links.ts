// Signed links (docs/design.md: organizers and applicants act from an email, without an account). A link is
// `<id>.<secret>`: the id finds the row, the secret proves it was the one sent; only the secret's hash is stored.

/** What a link is for (in words: the catalog's `link.purpose` and, on an email's button, `link.button`). */
export const linkPurposes = ['debrief', 'offer', 'status', 'timesheet', 'rsvp'] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

/** Why a link no longer works (the page a member lands on says it in the catalog's `link.ending`). */
export type LinkEnding = 'expired' | 'used' | 'revoked' | 'superseded' | 'done';

export interface LinkFacts {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  supersededAt: Date | null;
}

/** Why a link has ended at `now`, or undefined while it works (its purpose's own state is checked apart). */
export function linkEnding(link: LinkFacts, now: number): LinkEnding | undefined {
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'used';
  if (link.supersededAt) return 'superseded';
  if (link.expiresAt.getTime() <= now) return 'expired';
  return undefined;
}
