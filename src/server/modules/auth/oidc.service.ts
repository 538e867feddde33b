import * as client from 'openid-client';
import { isSafeReturnTo } from '../../../shared/api/auth';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import * as repo from './auth.repo';

export const OIDC_STATE_COOKIE = 'wia_oidc';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const LOGIN_REQUEST_MINUTES = 10;
/** What we ask for; narrowed to what the provider advertises (the Flemish ACM adds `vo` for vo_orgcode). */
const WANTED_SCOPES = ['openid', 'profile', 'email', 'vo'];
const DISCOVERY_TIMEOUT_SECONDS = 5;

type OidcSettings = NonNullable<Config['oidc']>;

/** Why a sign-in through the provider was refused; the sign-in page shows a text per reason. */
export type OidcRefusal =
  | 'no_person'
  | 'ambiguous_person'
  | 'org_mismatch'
  | 'disabled'
  | 'account_conflict'
  | 'email_unverified'
  | 'link_pending'
  | 'cancelled';

export type OidcOutcome =
  | { ok: true; account: repo.AccountRow; returnTo: string; linked: 'existing' | 'created' }
  | { ok: false; reason: OidcRefusal; returnTo: string; subject?: string };

export type OidcClaims = {
  sub: string;
  email?: string;
  /** Only a verified e-mail address may identify a person. */
  email_verified?: boolean;
  employee_number?: string;
  vo_orgcode?: string;
  name?: string;
};

/** A network failure or timeout towards the provider: the provider is down, not the request bad. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof client.ClientError)
    return error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT';
  return error instanceof TypeError && error.message === 'fetch failed';
}

/** Keeps the library's error as the cause, so the route can log what the provider really said. */
function failure(code: 'UNAVAILABLE' | 'OIDC_FAILED', cause: unknown): AppError {
  const error = new AppError(code);
  error.cause = cause;
  return error;
}

const claimString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

/**
 * The OIDC relying party: authorization-code flow with PKCE, state and nonce. One instance per app;
 * discovery happens on first use and is cached, and forgotten after a failure so the next sign-in retries.
 */
export class OidcSignIn {
  private configuration?: Promise<client.Configuration>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly publicUrl: string,
  ) {}

  get redirectUri(): string {
    return `${this.publicUrl}${OIDC_CALLBACK_PATH}`;
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        { client_secret: this.settings.clientSecret },
        client.ClientSecretBasic(this.settings.clientSecret),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          // Plain http is accepted only when the operator configured an http issuer (a local test provider).
          execute: this.settings.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw failure('UNAVAILABLE', error);
      });
    return this.configuration;
  }

  /** Stores state, PKCE verifier and nonce, and returns the provider URL to send the browser to. */
  async start(db: Db, returnTo: string): Promise<{ url: string; state: string }> {
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await repo.deleteStaleOidcLoginRequests(db, LOGIN_REQUEST_MINUTES);
    await repo.insertOidcLoginRequest(db, { state, codeVerifier, nonce, returnTo });
    const supported = configuration.serverMetadata().scopes_supported;
    const scope = WANTED_SCOPES.filter((s) => s === 'openid' || !supported || supported.includes(s)).join(
      ' ',
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * Checks the provider's answer against the stored request and the browser's state cookie, exchanges the code,
   * and maps the claims to an account. Protocol failures throw OIDC_FAILED; refusals come back as an outcome.
   */
  async finish(
    db: Db,
    input: { callbackPath: string; state?: string; stateCookie?: string; error?: string },
  ) {
    if (!input.state || !input.stateCookie || input.state !== input.stateCookie)
      throw new AppError('OIDC_FAILED');
    const pending = await repo.takeOidcLoginRequest(db, input.state, LOGIN_REQUEST_MINUTES);
    if (!pending?.fresh) throw new AppError('OIDC_FAILED');
    const returnTo = isSafeReturnTo(pending.returnTo) ? pending.returnTo : '/';
    if (input.error) return { ok: false, reason: 'cancelled', returnTo } satisfies OidcOutcome;

    const configuration = await this.discover();
    let claims: OidcClaims;
    try {
      const tokens = await client.authorizationCodeGrant(
        configuration,
        new URL(input.callbackPath, this.publicUrl),
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: input.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
      const idClaims = tokens.claims();
      if (!idClaims) throw new AppError('OIDC_FAILED');
      // Scope claims (e-mail, vo_orgcode) come from UserInfo: providers keep the ID token small by default.
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      const merged: Record<string, unknown> = { ...idClaims, ...userInfo };
      claims = {
        sub: idClaims.sub,
        email: claimString(merged.email),
        // Some providers send the boolean as a string.
        email_verified: merged.email_verified === true || merged.email_verified === 'true',
        employee_number: claimString(merged.employee_number),
        vo_orgcode: claimString(merged.vo_orgcode),
        name: claimString(merged.name),
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUnreachable(error)) throw failure('UNAVAILABLE', error);
      throw failure('OIDC_FAILED', error);
    }
    const outcome = await mapClaimsToAccount(db, configuration.serverMetadata().issuer, claims, returnTo);
    if (outcome.ok) await repo.recordSuccessfulSignIn(db, outcome.account.id);
    return outcome;
  }
}

/**
 * Claims → account. A linked account (issuer + subject) is used as it is. Otherwise the employee number, or
 * else an e-mail address the provider has verified, must point at exactly one active person, whose entity must
 * be the one the provider vouches for (vo_orgcode). Nobody outside the roster gets an account this way, and an
 * account that already exists is linked only after a programme admin confirms: the provider's word alone must
 * not hand over an account that may hold a password and granted roles.
 */
export async function mapClaimsToAccount(
  db: Db,
  issuer: string,
  claims: OidcClaims,
  returnTo: string,
): Promise<OidcOutcome> {
  const refuse = (reason: OidcRefusal): OidcOutcome => ({ ok: false, reason, returnTo, subject: claims.sub });
  const linkedAccount = await repo.findAccountByOidcSubject(db, issuer, claims.sub);

  let person: repo.PersonForSignIn | undefined;
  if (linkedAccount?.personId) {
    person = await repo.findPersonForSignInById(db, linkedAccount.personId);
    if (person?.status !== 'active') return refuse('no_person');
  } else if (!linkedAccount) {
    if (!claims.employee_number && claims.email && !claims.email_verified) return refuse('email_unverified');
    const candidates = claims.employee_number
      ? await repo.findActivePeopleForSignIn(db, { employeeNumber: claims.employee_number })
      : claims.email
        ? await repo.findActivePeopleForSignIn(db, { email: claims.email })
        : [];
    if (candidates.length === 0) return refuse('no_person');
    if (candidates.length > 1) return refuse('ambiguous_person');
    person = candidates[0];
  }
  // A person belongs to one entity; the provider must say the same, or the claim and our roster disagree.
  if (person && (!claims.vo_orgcode || claims.vo_orgcode !== person.entityCode))
    return refuse('org_mismatch');

  if (linkedAccount) {
    if (linkedAccount.disabled) return refuse('disabled');
    return { ok: true, account: linkedAccount, returnTo, linked: 'existing' };
  }
  if (!person) return refuse('no_person');

  const existing =
    (await repo.findAccountByPersonId(db, person.id)) ?? (await repo.findAccountByEmail(db, person.email));
  if (existing) {
    if (existing.disabled) return refuse('disabled');
    // The account belongs to someone else, or the person already signs in through this provider under another
    // subject: no admin should be asked to re-point it from here.
    if (
      (existing.personId !== null && existing.personId !== person.id) ||
      (existing.oidcSubject && existing.oidcIssuer === issuer)
    )
      return refuse('account_conflict');
    await repo.upsertOidcLinkRequest(db, {
      accountId: existing.id,
      personId: person.id,
      issuer,
      subject: claims.sub,
      claims: Object.fromEntries(
        Object.entries({
          email: claims.email,
          employeeNumber: claims.employee_number,
          name: claims.name,
          voOrgcode: claims.vo_orgcode,
        }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    });
    return refuse('link_pending');
  }
  const email = person.email;
  const account = await repo.insertOidcAccount(db, {
    email,
    displayName: `${person.firstName} ${person.lastName}`.trim() || claims.name || email,
    personId: person.id,
    locale: person.language,
    issuer,
    subject: claims.sub,
  });
  return { ok: true, account, returnTo, linked: 'created' };
}
