import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new API token: 192 random bits. Shown once; only its hash is stored. */
export function newToken(): string {
  return `op_${randomBytes(24).toString('base64url')}`;
}

/** Tokens are random, not chosen by people, so a plain SHA-256 is enough (no slow password hash needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(hashToken(a), 'hex');
  const right = Buffer.from(hashToken(b), 'hex');
  return timingSafeEqual(left, right);
}
