// Errors the services raise, in the product's terms. The exception filter maps each to its HTTP status; services never
// throw HTTP exceptions themselves.
import type { CheckedProblem } from '../../words/problems';
import type { MemberLanguage } from '../../domain/languages';

export class NotFoundError extends Error {}

/** The request conflicts with the current state (a stage that does not allow the action, a duplicate). */
export class ConflictError extends Error {}

/** The organizer's workflow has ended (its record is closed); the service says in which stage. */
export class RecordClosedError extends ConflictError {
  constructor() {
    super("the organizer's process has ended; their record is closed");
  }
}

/** The member has applied to the program already: their workflow exists under the id their member id gives. */
export class AlreadyAppliedError extends ConflictError {
  constructor() {
    super('this member has already applied to this program');
  }
}

/** The request is well-formed but breaks a rule of the program (a training it does not list). */
export class RuleViolationError extends Error {}

/** The caller may not do this to this program or organizer. */
export class AccessDeniedError extends Error {}

/** Problems named in one 400 at most; the rest are counted, so an error body stays short whatever was sent. */
const problemsShown = 10;

/** Input that is not valid; `fields` name the offending fields. */
export class InvalidInputError extends Error {
  /** The problems the body names (the first few). */
  readonly shown: CheckedProblem[];

  constructor(readonly problems: CheckedProblem[]) {
    const shown = problems.slice(0, problemsShown);
    const more = problems.length - shown.length;
    const text = shown.map((p) => `${p.field} ${p.reason}`).join('; ');
    super(more > 0 ? `${text}; and ${more} more` : text);
    this.shown = shown;
  }
}

/** A JSON body refused while it is parsed (a SyntaxError, as the body parser expects); the message names the field. */
export class RefusedBodyError extends SyntaxError {}

/** Temporal or PostgreSQL did not answer (in time). */
export class UnavailableError extends Error {}

/** The body is not in a format the route reads. */
export class UnsupportedMediaTypeError extends Error {}

/** The body is larger than the route accepts. */
export class PayloadTooLargeError extends Error {}

/** A signed link that no longer works (expired, used, revoked, superseded, or its purpose done): 410 saying which. */
export class LinkEndedError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    /** The language of the message: the member's. */
    readonly language?: MemberLanguage,
  ) {
    super(message);
  }
}

/** A sign-in link used, expired or unknown (not told apart, to tell no one which links exist): 410. */
export class SignInLinkEndedError extends Error {}

/** A token that names no link (mistyped, made up, or altered): 404. */
export class UnknownLinkError extends NotFoundError {
  readonly reason = 'unknown';
  constructor() {
    super('This link is not valid: it may be mistyped or altered. Ask your coordinator for a new one.');
  }
}

/** Too many requests from one client (or in all): 429, to try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
