// Signed links (docs/design.md: organizers and applicants act from an email, without an account). A link is
// `<id>.<secret>`: the id finds the row, the secret proves it was the one sent; only the secret's hash is stored.
import type { Stage } from './stages';

/** What a link is for, each in words, as a coordinator's list of links and the emails name it. */
export const linkPurposeLabels = {
  debrief: 'Submit a debrief',
  offer: 'Answer the offer',
  status: 'See the application',
  timesheet: 'Submit a time sheet',
} as const;
export type LinkPurpose = keyof typeof linkPurposeLabels;

/** The button of an email that carries a link, in the words of the member it is sent to. */
export const linkButtonLabels: Record<LinkPurpose, string> = {
  debrief: 'Submit your debrief',
  offer: 'Answer the offer',
  status: 'See your application',
  timesheet: 'Submit your time sheet',
};
export const linkPurposes = Object.keys(linkPurposeLabels) as LinkPurpose[];

/** Why a link no longer works, as the page a member lands on says it. */
export const linkEndingMessages = {
  expired: 'This link has expired.',
  used: 'This link was already used: what you sent was recorded.',
  revoked: 'This link was cancelled by your coordinator.',
  superseded: 'A newer link was sent for this; please use the latest email.',
  done: 'There is nothing left to do with this link.',
} as const;
export type LinkEnding = keyof typeof linkEndingMessages;

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

/** The next step of an application in each stage, in the words its status page shows the applicant. */
export const nextStepForApplicant: Record<Stage, string> = {
  applied: 'A coordinator will review your application and invite you to a screening.',
  ineligible: 'Your application does not meet the program’s requirements; a coordinator can tell you more.',
  screening: 'Come to your screening; a coordinator will tell you what comes next.',
  role_play: 'Your next step is a short role-play with a coordinator.',
  offered: 'You have an offer: answer it from the link in your email before it lapses.',
  training: 'You accepted the offer: your trainings come next.',
  ride_along: 'Your ride-alongs with staff come next.',
  active: 'You are an organizer: submit a debrief each period.',
  not_selected: 'Your application did not go further this time.',
  declined: 'You declined the offer.',
  withdrawn: 'This application was withdrawn.',
  terminated: 'Your term ended early.',
  completed: 'Your term is complete. Thank you!',
};
