import type { ProductActorId } from '../../domain/actors';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '../../domain/organizer';
import type { Role } from '../../domain/roles';

/** Who is calling: resolved from the bearer token by the guard. */
export interface Caller {
  id: string;
  role: Role;
  /** Programs a coordinator acts on. */
  programIds: string[];
  /** The organizer record an organizer user owns. */
  organizerId: string | null;
  /** The signed-in browser's session, when the caller came by the session cookie (not a bearer token). */
  session?: { id: string; csrfToken: string };
}

/** The bootstrap admin of ADMIN_TOKEN, recorded as this actor. */
export const bootstrapAdmin: Caller = {
  id: 'bootstrap-admin' satisfies ProductActorId,
  role: 'admin',
  programIds: [],
  organizerId: null,
};

export function actorOf(caller: Caller): Actor {
  return { id: caller.id, role: caller.role };
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
