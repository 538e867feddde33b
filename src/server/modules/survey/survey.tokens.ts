import { createHmac, hash, randomBytes } from 'node:crypto';

/**
 * Invitation tokens. A token is derived from the wave's secret key and the person, so a reminder can
 * repeat the same link without the token being stored anywhere: the database keeps only its SHA-256.
 * The key is wiped when the wave closes, after which no token can be made again.
 */
export const newTokenKey = () => randomBytes(32).toString('base64url');

/** 43 characters of base64url (256 bits). */
export function tokenFor(tokenKey: string, waveId: number, personId: number): string {
  return createHmac('sha256', Buffer.from(tokenKey, 'base64url'))
    .update(`survey-invitation:${waveId}:${personId}`)
    .digest('base64url');
}

/** One-shot crypto.hash: half the CPU of a Hash object for a string this short, and nothing to collect. */
export const hashToken = (token: string) => hash('sha256', token, 'hex');
