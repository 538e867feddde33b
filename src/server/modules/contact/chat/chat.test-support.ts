/**
 * What the chat's test files share: a server on a real port with narrowed chat timings, a WebSocket client
 * that keeps every frame, and a harness that gives each test a clean chat (no chats, agents, extra queues or
 * canned answers left by another test), so the files and the tests in them run in any order.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import WebSocket from 'ws';
import { buildAccount, signIn, type TestContext, testConfig } from '../../../../../test/support/test-app';
import { createTestDatabase } from '../../../../../test/support/test-db';
import { buildApp } from '../../../app';
import type { Database, Engine } from '../../../db/client';
import type { CitizenMailLimits } from '../../../mail/citizen-mail-guard';
import type { ModuleOverrides } from '../../../platform/module';
import { createRuntime } from '../../../runtime';
import type { ChatLimits } from './chat.limits';
import type { ChatOverrides } from './chat.module';
import type { ChatTimings } from './chat.service';

/** Fast enough to watch agents get lost and places go within a test. */
export const timings = {
  agentGraceMs: 1_000,
  heartbeatMs: 200,
  citizenWarnMs: 20_000,
  citizenCloseMs: 20_000,
};

export type Instance = TestContext & { url: string };

/** A runtime and an app listening on a free port; the chat's timings and limits go through the overrides. */
export async function startInstance(
  database: Database,
  overrides: Partial<ChatTimings> = {},
  extra: { chatLimits?: Partial<ChatLimits>; citizenMailLimits?: CitizenMailLimits } = {},
): Promise<Instance> {
  const config = testConfig();
  const chat: ChatOverrides = { chatTimings: { ...timings, ...overrides }, chatLimits: extra.chatLimits };
  const runtime = await createRuntime(config, {
    database,
    logger: false,
    rateLimits: false,
    startJobs: false,
    seed: false,
    citizenMailLimits: extra.citizenMailLimits,
    overrides: { 'contact-chat': chat } satisfies ModuleOverrides,
  });
  const app = await buildApp(runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    runtime,
    database,
    config,
    url: `ws://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** Every queue open day and night, so no test depends on the time it runs. */
export const openAllDay = (database: Database) =>
  database.db.execute(sql`update chat_queues set
    opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);

/** A WebSocket client that keeps every frame, so a test can wait for the one it expects. */
export class Client {
  readonly frames: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  static open(
    url: string,
    headers: Record<string, string> = {},
    options: { localAddress?: string; autoPong?: boolean } = {},
  ): Promise<Client> {
    const socket = new WebSocket(url, { headers, ...options });
    const client = new Client(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }
  send(payload: unknown) {
    this.socket.send(JSON.stringify(payload));
  }
  /** Waits for the first frame after `from` matching `match` (`from` defaults to the start). */
  async next(match: (frame: Record<string, unknown>) => boolean, from = 0, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching frame; got ${JSON.stringify(this.frames.slice(from))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  last(type: string) {
    return this.frames.filter((f) => f.type === type).at(-1);
  }
  /** Closes the socket and resolves once it is closed (the server then sees it gone soon after). */
  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close();
    return closed;
  }
}

/** Time passing is what some tests are about (idle order, grace periods, nothing more arriving). */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a socket expecting the handshake to be refused: the HTTP status and error body. */
export function refusedHandshake(url: string, options: { localAddress?: string } = {}) {
  return new Promise<{ status: number; body: { error: { code: string; message: string } } }>(
    (resolve, reject) => {
      const socket = new WebSocket(url, options);
      socket.once('open', () => {
        socket.close();
        reject(new Error('handshake was accepted'));
      });
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) });
          socket.terminate();
        });
      });
      // The refusal itself is the expected outcome; the 'unexpected-response' handler above reports it.
      socket.once('error', () => undefined);
    },
  );
}

/**
 * One server per describe block with two agents (agent-a, agent-b) and an employee, and before each test a
 * clean chat: no chats or agent rows, only the seeded queue, open all day, no canned answers.
 */
export function useChatServer(engine: Engine) {
  const harness = {
    ctx: undefined as unknown as Instance,
    agentIds: [] as number[],
    agentCookies: [] as string[],
    /** Sockets a test opened: closed before the next test. */
    open: [] as Client[],
    async startChat(
      name: string,
      transcriptEmail?: string,
    ): Promise<{ chatId: number; resumeToken: string; position: number }> {
      const response = await harness.ctx.app.inject({
        method: 'POST',
        url: '/api/contact/chats',
        payload: { topic: 'algemeen', locale: 'nl', name, ...(transcriptEmail ? { transcriptEmail } : {}) },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { chatId: number; resumeToken: string; position: number };
    },
    async citizen(token: string): Promise<Client> {
      const client = await Client.open(
        `${harness.ctx.url}/ws/chat/citizen?token=${encodeURIComponent(token)}`,
      );
      harness.open.push(client);
      await client.next((f) => f.type === 'state');
      return client;
    },
    async agent(index: number, url?: string): Promise<Client> {
      const client = await Client.open(`${url ?? harness.ctx.url}/ws/chat/agent`, {
        cookie: harness.agentCookies[index]!,
      });
      harness.open.push(client);
      await client.next((f) => f.type === 'hello');
      return client;
    },
  };

  beforeAll(async () => {
    harness.ctx = await startInstance(await createTestDatabase(engine));
    for (const email of ['agent-a@test.example', 'agent-b@test.example']) {
      const { account } = await buildAccount(harness.ctx, { email, roles: [{ role: 'contact_agent' }] });
      harness.agentIds.push(account.id);
      harness.agentCookies.push((await signIn(harness.ctx, email)).cookie);
    }
    await buildAccount(harness.ctx, { email: 'employee@test.example' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(harness.open.map((c) => c.close()));
    await harness.ctx?.close();
  });

  beforeEach(async () => {
    await Promise.all(harness.open.splice(0).map((c) => c.close()));
    const db = harness.ctx.database.db;
    // The closed sockets' last presence updates may still be on their way: wait until the hub let go.
    await settle(100);
    await db.execute(sql`delete from chat_sessions`);
    await db.execute(sql`delete from chat_agents`);
    await db.execute(sql`delete from chat_agent_queues`);
    await db.execute(sql`delete from chat_canned_answers`);
    await db.execute(sql`delete from chat_queues where key <> 'algemeen'`);
    await db.execute(sql`update chat_queues set max_queue_length = 50, holidays = '[]'::jsonb`);
    await openAllDay(harness.ctx.database);
  });

  return harness;
}
