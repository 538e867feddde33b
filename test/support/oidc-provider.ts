import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import Provider from 'oidc-provider';

/** The claims the Flemish ACM/IDM hands out, as far as the platform uses them. */
export type TestIdentity = {
  email?: string;
  /** Whether the provider vouches that the person controls the e-mail address. */
  email_verified?: boolean;
  employee_number?: string;
  vo_orgcode?: string;
  name?: string;
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** login name typed on the provider's sign-in form → claims; tests add people as they go. */
  identities: Map<string, TestIdentity>;
  close(): Promise<void>;
};

/** A free TCP port on 127.0.0.1, for a server whose own URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a random port, with one confidential client that must
 * use PKCE. Its development interactions show a plain login form (any login, any password) and a consent form,
 * so a test drives the whole flow with HTTP requests.
 */
export async function startOidcProvider(options: { redirectUri: string }): Promise<TestOidcProvider> {
  const identities = new Map<string, TestIdentity>();
  const clientId = 'waarden-test';
  const clientSecret = 'waarden-test-secret-0123456789abcdef';

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'vo'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      vo: ['employee_number', 'vo_orgcode'],
    },
    cookies: { keys: ['waarden-test-cookie-key-0123456789'] },
    // A fresh RS256 key (the default ID token algorithm) instead of the library's built-in development key.
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          kid: 'waarden-test',
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, ...identity };
        },
      };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    identities,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Just enough of a browser for a redirect-based sign-in: a cookie jar per origin, manual redirects (so each hop
 * can be inspected) and HTML form submission.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string) {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(origin, jar);
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.origin) ?? new Map<string, string>();
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', val = ''] = a.trim().split('=');
        return (
          (key.toLowerCase() === 'expires' && new Date(val).getTime() < Date.now()) ||
          (key.toLowerCase() === 'max-age' && Number(val) <= 0)
        );
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(target.origin, jar);
    return response;
  }

  /**
   * Follows redirects from `url` until a page that is not a redirect, or until `stopAt` matches a redirect target
   * (returned without requesting it). Returns the last response and its URL.
   */
  async follow(
    url: string,
    options: { method?: string; form?: Record<string, string>; stopAt?: (location: URL) => boolean } = {},
  ): Promise<{ response: Response; url: string; stoppedAt?: URL }> {
    let current = url;
    let response = await this.request(current, options);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (options.stopAt?.(next)) return { response, url: current, stoppedAt: next };
      current = next.href;
      response = await this.request(current);
    }
    throw new Error(`Too many redirects, last at ${current}`);
  }

  /** The first form on an HTML page: its absolute action URL and its hidden fields. */
  static parseForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`No form on ${pageUrl}: ${html.slice(0, 500)}`);
    const fields: Record<string, string> = {};
    for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) fields[name] = value;
    }
    const action = form[1]!.replaceAll('&amp;', '&');
    return { action: new URL(action, pageUrl).href, fields };
  }
}

/**
 * Drives a sign-in from the app's start URL through the provider's login and consent forms back to the app's
 * callback, and returns the callback's response (not followed further).
 */
export async function signInThroughProvider(
  browser: TestBrowser,
  input: { startUrl: string; appOrigin: string; login: string },
): Promise<{ callbackUrl: URL; callback: Response }> {
  const callbackPath = '/api/auth/oidc/callback';
  const isCallback = (location: URL) =>
    location.origin === input.appOrigin && location.pathname === callbackPath;
  let step = await browser.follow(input.startUrl, { stopAt: isCallback });
  for (let pages = 0; !step.stoppedAt && pages < 4; pages++) {
    if (step.response.status !== 200) {
      throw new Error(`Unexpected ${step.response.status} at ${step.url}: ${await step.response.text()}`);
    }
    const { action, fields } = TestBrowser.parseForm(await step.response.text(), step.url);
    const form = fields.prompt === 'login' ? { ...fields, login: input.login, password: 'any' } : fields;
    step = await browser.follow(action, { method: 'POST', form, stopAt: isCallback });
  }
  if (!step.stoppedAt) throw new Error(`The provider did not send the browser back to ${callbackPath}`);
  const callback = await browser.request(step.stoppedAt.href);
  return { callbackUrl: step.stoppedAt, callback };
}
