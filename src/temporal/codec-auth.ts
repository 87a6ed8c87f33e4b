// Who may use the codec endpoint once it is offered beyond loopback (issue 34): the Temporal CLI sends a static bearer
// token (`--codec-auth "Bearer …"`); a Web UI passing its signed-in user's access token sends a JWT, let in when the
// issuer's keys (CODEC_JWKS_URL) verify it, it names that issuer (and audience) and has not expired. Either configured
// makes one of them required.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { CodecAuth } from '../config/configuration';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether a request's Authorization header may use the endpoint. */
export function codecAuthorizer(auth: CodecAuth): (authorization: string | undefined) => Promise<boolean> {
  const token = auth.token === undefined ? undefined : digest(auth.token);
  // Fetched when first needed and kept, refetched when a JWT names a key it does not know.
  const keys = auth.jwt ? createRemoteJWKSet(new URL(auth.jwt.jwksUrl)) : undefined;
  return async (authorization) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!bearer) return false;
    if (token && timingSafeEqual(digest(bearer), token)) return true;
    if (!keys || !auth.jwt) return false;
    try {
      await jwtVerify(bearer, keys, {
        issuer: auth.jwt.issuer,
        ...(auth.jwt.audience ? { audience: auth.jwt.audience } : {}),
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        requiredClaims: ['exp'],
      });
      return true;
    } catch {
      return false;
    }
  };
}
