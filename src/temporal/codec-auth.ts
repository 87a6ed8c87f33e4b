// Who may use the codec endpoint once it is offered beyond loopback (issue 34): the Temporal CLI sends a static bearer
// token (`--codec-auth "Bearer …"`); Temporal Cloud's Web UI sends its signed-in user's JWT, checked against the
// issuer's keys (CODEC_JWKS_URL). Either configured makes one of them required.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { CodecAuth } from '../config/configuration';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether a request's Authorization header may use the endpoint. */
export function codecAuthorizer(auth: CodecAuth): (authorization: string | undefined) => Promise<boolean> {
  const token = auth.token === undefined ? undefined : digest(auth.token);
  // Fetched when first needed and kept, refetched when a JWT names a key it does not know.
  const keys = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  return async (authorization) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!bearer) return false;
    if (token && timingSafeEqual(digest(bearer), token)) return true;
    if (!keys) return false;
    try {
      await jwtVerify(bearer, keys);
      return true;
    } catch {
      return false;
    }
  };
}
