import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../domain/roles';

export const accessKey = 'organizer-pipeline:access';

export type AccessRule = { public: true } | { public: false; roles: Role[] };

/** Anyone, without a token (health, API docs). */
export const Public = () => SetMetadata(accessKey, { public: true } satisfies AccessRule);

/**
 * The roles that may call a route (admin always may). Program and organizer scopes are checked by the service with
 * the AccessPolicy. A route without this or @Public is refused for everyone.
 */
export const Allow = (...roles: Role[]) => SetMetadata(accessKey, { public: false, roles } satisfies AccessRule);
