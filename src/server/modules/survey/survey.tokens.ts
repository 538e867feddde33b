import { createCipheriv, createDecipheriv, createHmac, hash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Invitation tokens and the survey's keys.
 *
 * A token is `HMAC(wave token key, wave:person)`, so a reminder can repeat the same link without the token
 * being stored anywhere: the database keeps only its SHA-256. The wave token key itself is not stored
 * either: the wave row holds a random salt, and the key is derived from it and the server secret, which
 * lives outside the database. Whoever reads only the database therefore cannot rebuild any personal
 * link. The salt is wiped when the wave closes, after which no token can be made again, not even with
 * the secret.
 */

/** Marks a stored value as a salt (waves launched before salts were introduced stored the key itself). */
const SALT_PREFIX = 's1.';

/** The value stored in `survey_waves.token_key` at launch: a salt, useless without the server secret. */
export const newWaveSalt = () => `${SALT_PREFIX}${randomBytes(32).toString('base64url')}`;

/** A wave's key material: its token key and the key of its pending (not yet written) answers. */
export type WaveKeys = { tokenKey: Buffer; pendingKey: Buffer };

const derive = (secret: string, salt: string, info: string) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from(salt, 'utf8'), info, 32));

const waveKeyCache = new Map<string, WaveKeys>();

/** Derives (and caches per process) a wave's keys from the server secret and the wave's stored salt. */
export function waveKeys(secret: string, stored: string, waveId: number): WaveKeys {
  const cacheKey = `${waveId}\u0000${stored}\u0000${secret}`;
  let keys = waveKeyCache.get(cacheKey);
  if (!keys) {
    keys = {
      // A wave from before salts keeps its stored key, so the links already mailed keep working.
      tokenKey: stored.startsWith(SALT_PREFIX)
        ? derive(secret, stored, `waarden/survey/wave/${waveId}/token`)
        : Buffer.from(stored, 'base64url'),
      pendingKey: derive(secret, stored, `waarden/survey/wave/${waveId}/pending`),
    };
    if (waveKeyCache.size > 1000) waveKeyCache.clear();
    waveKeyCache.set(cacheKey, keys);
  }
  return keys;
}

/** 43 characters of base64url (256 bits). */
export function tokenFor(tokenKey: Buffer | string, waveId: number, personId: number): string {
  return createHmac('sha256', typeof tokenKey === 'string' ? Buffer.from(tokenKey, 'base64url') : tokenKey)
    .update(`survey-invitation:${waveId}:${personId}`)
    .digest('base64url');
}

/** One-shot crypto.hash: half the CPU of a Hash object for a string this short, and nothing to collect. */
export const hashToken = (token: string) => hash('sha256', token, 'hex');

/**
 * A draft's lookup key: derived from the token, but not its SHA-256, so no draft can be joined to the
 * invitation that holds that hash.
 */
export const draftIdFor = (token: string) => hash('sha256', `waarden/survey/draft/id:${token}`, 'hex');

/** The key a draft is encrypted with: derived from the token, which is never stored. */
const draftKeyFor = (token: string) =>
  Buffer.from(
    hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), 'waarden/survey/draft/key', 32),
  );

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: iv ‖ ciphertext ‖ tag; `context` is authenticated, so a sealed value cannot be moved. */
export function seal(key: Buffer, plaintext: string, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = cipher.update(plaintext, 'utf8');
  const final = cipher.final();
  return Buffer.concat([iv, body, final, cipher.getAuthTag()]);
}

/** Opens what seal() made; throws when the key or context is wrong or the bytes were altered. */
export function open(key: Buffer, sealed: Uint8Array, context: string): string {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return (
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES), undefined, 'utf8') +
    decipher.final('utf8')
  );
}

/**
 * Sealed answers and drafts are padded to a power of two of at least 256 bytes. Their length would
 * otherwise tell how long a person's comments were: a pending row shares its claim's transaction id, a
 * draft deleted at submit too (until vacuum), and a copy of the database taken while the wave runs could
 * match that length with the comments written at close. JSON allows the trailing spaces.
 */
const MIN_SEALED = 256;
export function padded(json: string) {
  const bytes = Buffer.byteLength(json, 'utf8');
  const target = Math.max(MIN_SEALED, 2 ** Math.ceil(Math.log2(bytes)));
  return json + ' '.repeat(target - bytes);
}

export const sealDraft = (token: string, answers: unknown, waveId: number) =>
  seal(draftKeyFor(token), padded(JSON.stringify(answers)), `draft:${waveId}`);

export const openDraft = (token: string, sealed: Uint8Array, waveId: number): unknown =>
  JSON.parse(open(draftKeyFor(token), sealed, `draft:${waveId}`));
