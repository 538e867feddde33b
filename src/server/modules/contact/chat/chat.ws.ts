import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import {
  type AgentFrame,
  type AgentStatus,
  agentInbound,
  type ChatMessageOut,
  type CitizenFrame,
  citizenInbound,
} from '../../../../shared/api/contact-chat';
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { type Locale, translator } from '../../../http/i18n';
import type { ModuleDeps } from '../../../platform/module';
import { loadPrincipal, SESSION_COOKIE } from '../../auth/auth.service';
import type { SocketGate } from './chat.limits';
import { canActOnChat, canTransferTo, canUseAgentConsole, isOwnOrigin } from './chat.policy';
import * as repo from './chat.repo';
import * as service from './chat.service';

const messageOut = (m: repo.MessageRow): ChatMessageOut => ({
  id: m.id,
  clientId: m.client_id,
  sender: m.sender,
  text: m.body,
  createdAt: new Date(m.created_at).toISOString(),
});

/** Sends one frame of the socket's kind (citizen or agent: see the shared frame types). */
function send(socket: WebSocket, payload: CitizenFrame | AgentFrame) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
}

type CitizenConn = {
  socket: WebSocket;
  chatId: number;
  queueId: number;
  locale: Locale;
  lastQueue?: string;
  /**
   * The chat's state as the last event left it, so a citizen's message needs no read of the chat: set at
   * connect and on 'assigned'/'closed', forgotten on any other change of the queue or a transfer.
   */
  known?: { status: repo.ChatRow['status']; agentId: number | null };
  /** Counts the events that touched this chat, so a read that raced with one is not remembered. */
  epoch: number;
  /** Client ids of messages this socket sent that are being stored: their acknowledgement carries them. */
  sending: Set<string>;
  /** The client address (for the citizen-mail limits). */
  client: string;
  /** The last frame from the citizen: while waiting, only a recent one keeps the place. */
  confirmedAt: number;
  /** The last answer to a WebSocket ping (or the connection's start). */
  pongAt: number;
};

/**
 * The chat's live side in one process: the sockets connected here, and the reaction to chat events from the
 * event bus. Every state change goes to the database first and is then announced as an id on the bus, so a
 * citizen on one process and their agent on another see the same chat.
 */
export class ChatHub {
  private readonly citizens = new Map<number, Set<CitizenConn>>();
  private readonly agents = new Map<number, Set<WebSocket>>();
  private readonly dirtyQueues = new Set<number>();
  /**
   * The last computed positions per queue, until the next change of that queue: a burst of (re)connecting
   * citizens — a deploy, a network blip — reads the queue once instead of once per citizen.
   */
  private readonly positionCache = new Map<
    number,
    { at: number; byChat: Promise<Map<number, service.QueuePosition>> }
  >();
  /** Bumped on every change of a queue, so a computation that raced with a change is not cached. */
  private queueVersion = 0;
  private draining = false;
  private timers: NodeJS.Timeout[] = [];
  /** Waiting chats whose citizen's last socket here closed: the place goes when the timer fires. */
  private readonly leaving = new Map<number, NodeJS.Timeout>();
  private stopped = false;
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly deps: ModuleDeps,
    readonly timings: service.ChatTimings,
    private readonly gate: SocketGate,
  ) {}

  /**
   * Background work goes on after a failure (the next heartbeat retries), but never silently: logged and
   * counted in /metrics (`background_failures_total{source="contact-chat:…"}`).
   */
  private reported(what: string, context?: Record<string, unknown>) {
    return (error: unknown) => {
      this.deps.background.report(`contact-chat:${what}`, error, context);
    };
  }

  async start() {
    this.unsubscribe = await this.deps.events.subscribe(service.CHAT_CHANNEL, (payload) => {
      void this.onEvent(payload as service.ChatEvent).catch(this.reported('event'));
    });
    this.timers.push(
      setInterval(() => {
        this.pingCitizens();
        void this.sweep().catch(this.reported('sweep'));
        // Time alone can cross a queue's maximum wait: refresh the queues of citizens held here now and then.
        for (const set of this.citizens.values()) for (const c of set) this.dirtyQueues.add(c.queueId);
        void this.drainQueues().catch(this.reported('queue-positions'));
      }, this.timings.heartbeatMs),
    );
    for (const timer of this.timers) timer.unref();
  }

  /**
   * Drops citizen sockets that answered no ping for `pongTimeoutMs` (a dead connection would otherwise keep
   * the chat present for ever) and pings the others; browsers answer pings by themselves.
   */
  private pingCitizens() {
    const now = Date.now();
    for (const set of this.citizens.values())
      for (const c of set) {
        if (now - c.pongAt > this.timings.pongTimeoutMs) c.socket.terminate();
        else if (c.socket.readyState === c.socket.OPEN) c.socket.ping();
      }
  }

  /** Presence heartbeats for the sockets held here, then the shared inactivity rules. */
  private sweeping = false;

  private async sweep() {
    // One sweep at a time: on a busy machine a sweep can outlast the heartbeat, and overlapping sweeps
    // would keep agent rows locked by presence updates, so dispatch (SKIP LOCKED) would never see them.
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.sweepOnce();
    } finally {
      this.sweeping = false;
    }
  }

  private async sweepOnce() {
    const { db, events } = this.deps;
    await repo
      .touchAgents(db, [...this.agents.keys()])
      .catch(this.reported('presence', { agents: this.agents.size }));
    // A waiting chat counts as present only with a recent frame from its citizen: an open socket that says
    // nothing (a script holding a place) lets the place go after `waitingIdleMs`.
    const confirmedSince = Date.now() - 2 * this.timings.confirmEveryMs;
    const confirmed: number[] = [];
    for (const [chatId, set] of this.citizens)
      for (const c of set)
        if (c.confirmedAt >= confirmedSince) {
          confirmed.push(chatId);
          break;
        }
    await repo
      .touchCitizens(db, [...this.citizens.keys()], confirmed)
      .catch(this.reported('citizen-presence', { chats: this.citizens.size }));
    await service.requeueLostAgents(db, events, this.timings).catch(this.reported('requeue'));
    await service.applyCitizenInactivity(db, events, this.timings).catch(this.reported('citizen-inactivity'));
    // Safety net: dispatch locks agents with SKIP LOCKED, so one that raced with a heartbeat (or another
    // process) may have skipped a free agent; no citizen waits longer than a heartbeat for that.
    await service.dispatch(db, events, this.timings).catch(this.reported('dispatch'));
  }

  async stop() {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const timer of this.leaving.values()) clearTimeout(timer);
    this.leaving.clear();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
  }

  private async onEvent(event: service.ChatEvent) {
    switch (event.type) {
      case 'queue':
        this.positionCache.delete(event.queueId);
        this.queueVersion++;
        for (const set of this.citizens.values())
          for (const c of set)
            if (c.queueId === event.queueId) {
              c.known = undefined;
              c.epoch++;
            }
        this.dirtyQueues.add(event.queueId);
        await this.drainQueues();
        return;
      case 'assigned': {
        const citizens = this.citizens.get(event.chatId);
        const agentSockets = this.agents.get(event.agentId);
        if (!citizens && !agentSockets) return;
        const chat = await repo.findChat(this.deps.db, event.chatId);
        if (chat?.status !== 'active' || chat.agent_account_id !== event.agentId) return;
        for (const c of citizens ?? []) {
          c.lastQueue = undefined;
          c.known = { status: 'active', agentId: event.agentId };
          c.epoch++;
          send(c.socket, { type: 'assigned', agentName: chat.agent_name });
        }
        if (agentSockets) {
          const summary = await this.chatSummary(chat);
          for (const socket of agentSockets) send(socket, { type: 'assigned', chat: summary });
        }
        return;
      }
      case 'message': {
        const citizens = this.citizens.get(event.chatId);
        const agentSockets = event.agentId != null ? this.agents.get(event.agentId) : undefined;
        // Nothing held here for this chat: no reads at all (the common case with several processes).
        if (!citizens && event.agentId !== undefined && !agentSockets) return;
        const message = event.message ?? (await repo.findMessage(this.deps.db, event.messageId));
        if (!message) return;
        const out = { type: 'message', chatId: event.chatId, message: messageOut(message) } as const;
        if (message.sender !== 'note')
          for (const c of citizens ?? []) if (!c.sending.has(message.client_id)) send(c.socket, out);
        if (event.agentId === undefined) await this.toAgentOf(event.chatId, out);
        else for (const socket of agentSockets ?? []) send(socket, out);
        return;
      }
      case 'typing':
        if (event.from === 'agent') {
          for (const c of this.citizens.get(event.chatId) ?? []) send(c.socket, { type: 'typing' });
        } else await this.toAgentOf(event.chatId, { type: 'typing', chatId: event.chatId });
        return;
      case 'transferred':
        for (const c of this.citizens.get(event.chatId) ?? []) {
          c.known = undefined;
          c.epoch++;
        }
        for (const socket of this.agents.get(event.fromAccountId) ?? [])
          send(socket, { type: 'transferred', chatId: event.chatId });
        return;
      case 'closed':
        for (const c of this.citizens.get(event.chatId) ?? []) {
          c.known = { status: 'closed', agentId: null };
          c.epoch++;
          send(c.socket, { type: 'closed', feedbackToken: event.feedbackToken ?? null });
        }
        await this.toAgentOf(event.chatId, { type: 'closed', chatId: event.chatId }, true);
        return;
    }
  }

  private async toAgentOf(chatId: number, payload: AgentFrame, includeClosed = false) {
    if (this.agents.size === 0) return;
    const chat = await repo.findChat(this.deps.db, chatId);
    if (!chat?.agent_account_id || (chat.status !== 'active' && !includeClosed)) return;
    for (const socket of this.agents.get(chat.agent_account_id) ?? []) send(socket, payload);
  }

  /** Coalesces bursts of queue changes: one recomputation per queue however many events arrived meanwhile. */
  private async drainQueues() {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.dirtyQueues.size > 0) {
        const queueIds = [...this.dirtyQueues];
        this.dirtyQueues.clear();
        for (const queueId of queueIds) await this.pushPositions(queueId);
      }
    } finally {
      this.draining = false;
    }
  }

  private async pushPositions(queueId: number) {
    const local: CitizenConn[] = [];
    for (const set of this.citizens.values()) for (const c of set) if (c.queueId === queueId) local.push(c);
    if (local.length === 0) return;
    const byChat = await this.positionsOf(queueId, true);
    for (const c of local) {
      const p = byChat.get(c.chatId);
      if (!p) continue;
      const payload: CitizenFrame = {
        type: 'queue',
        position: p.position,
        estimatedWaitSeconds: p.estimatedWaitSeconds,
        offerEmail: p.offerEmail,
      };
      const key = JSON.stringify(payload);
      // Only real changes are sent: the widget announces each one to screen readers.
      if (key === c.lastQueue) continue;
      c.lastQueue = key;
      // The serialised frame is the comparison key: one JSON.stringify per citizen and change, not two.
      if (c.socket.readyState === c.socket.OPEN) c.socket.send(key);
    }
  }

  /**
   * Positions of one queue; from the cache unless `fresh`, or when it is older than a heartbeat. Concurrent
   * callers share one computation in flight, so a burst of connections reads the queue once.
   */
  private positionsOf(queueId: number, fresh = false): Promise<Map<number, service.QueuePosition>> {
    const cached = this.positionCache.get(queueId);
    if (!fresh && cached && Date.now() - cached.at < this.timings.heartbeatMs) return cached.byChat;
    const at = Date.now();
    const version = this.queueVersion;
    const byChat = service
      .queuePositions(this.deps.db, queueId, this.timings)
      .then(({ positions }) => new Map(positions.map((p) => [p.chatId, p])));
    this.positionCache.set(queueId, { at, byChat });
    // A failure, or a change of the queue meanwhile, must not stay in the cache.
    byChat.then(
      () => {
        if (version !== this.queueVersion && this.positionCache.get(queueId)?.byChat === byChat)
          this.positionCache.delete(queueId);
      },
      () => {
        if (this.positionCache.get(queueId)?.byChat === byChat) this.positionCache.delete(queueId);
      },
    );
    return byChat;
  }

  private async chatSummary(chat: repo.ChatRow) {
    const messages = await repo.listMessages(this.deps.db, chat.id, true);
    return {
      chatId: chat.id,
      queueId: chat.queue_id,
      citizenName: chat.citizen_name,
      locale: chat.locale,
      messages: messages.map(messageOut),
    };
  }

  private error(socket: WebSocket, locale: Locale, code: string) {
    send(socket, { type: 'error', code, message: translator(locale)(`contactChat.errors.${code}`) });
  }

  async connectCitizen(socket: WebSocket, token: string | undefined, client: string) {
    if (!this.gate.openSocket(client)) {
      this.error(socket, 'nl', 'too_many_connections');
      socket.close(4429, 'too many connections');
      return;
    }
    socket.on('close', () => this.gate.release(client));
    const early = holdEarlyFrames(socket);
    const found = token
      ? await repo.findChatByTokenHash(this.deps.db, service.hashResumeToken(token))
      : undefined;
    if (!found) {
      this.error(socket, 'nl', 'unknown_chat');
      socket.close(4404, 'unknown chat');
      return;
    }
    const conn: CitizenConn = {
      socket,
      chatId: found.id,
      queueId: found.queue_id,
      locale: found.locale,
      epoch: 0,
      sending: new Set(),
      client,
      confirmedAt: Date.now(),
      pongAt: Date.now(),
    };
    socket.on('pong', () => {
      conn.pongAt = Date.now();
    });
    await repo.touchCitizens(this.deps.db, [found.id]);
    // Registered before the state is read, so no event between the two is missed; clients skip known ids.
    const set = this.citizens.get(found.id) ?? new Set<CitizenConn>();
    this.citizens.set(found.id, set);
    set.add(conn);
    const pending = this.leaving.get(found.id);
    if (pending) {
      clearTimeout(pending);
      this.leaving.delete(found.id);
    }
    socket.on('close', () => {
      set.delete(conn);
      if (set.size === 0 && this.citizens.get(found.id) === set) {
        this.citizens.delete(found.id);
        if (!this.stopped)
          void this.citizenLeft(found.id).catch(this.reported('citizen-leaving', { chatId: found.id }));
      }
    });
    const onMessage = (raw: string) => {
      void this.onCitizenMessage(conn, raw).catch((error) => {
        this.deps.background.report('contact-chat:citizen-frame', error, { chatId: conn.chatId });
        this.error(socket, conn.locale, 'failed');
      });
    };
    // Read again now that events reach this socket: the state sent below cannot miss a change, and the
    // citizen's messages take the hot path (no read of the chat) from the first one.
    const chat = (await repo.findChat(this.deps.db, found.id)) ?? found;
    if (conn.epoch === 0) conn.known = { status: chat.status, agentId: chat.agent_account_id };
    const messages = (await repo.listMessages(this.deps.db, chat.id, false)).map(messageOut);
    let position: number | null = null;
    let estimatedWaitSeconds: number | null = null;
    let offerEmail = false;
    if (chat.status === 'waiting') {
      // A chat just created may not be in the cached positions yet: then the queue is read afresh.
      let mine = (await this.positionsOf(chat.queue_id)).get(chat.id);
      if (!mine) mine = (await this.positionsOf(chat.queue_id, true)).get(chat.id);
      position = mine?.position ?? null;
      estimatedWaitSeconds = mine?.estimatedWaitSeconds ?? null;
      offerEmail = mine?.offerEmail ?? false;
      conn.lastQueue = JSON.stringify({ type: 'queue', position, estimatedWaitSeconds, offerEmail });
    }
    send(socket, {
      type: 'state',
      chatId: chat.id,
      status: chat.status,
      position,
      estimatedWaitSeconds,
      offerEmail,
      agentName: chat.status === 'active' ? chat.agent_name : null,
      messages,
      // While waiting, the widget says "still here" this often, or the place goes.
      confirmEverySeconds: Math.max(1, Math.round(this.timings.confirmEveryMs / 1000)),
      transcript: { email: chat.transcript_email, sent: chat.transcript_sent },
    });
    early.release(onMessage, () => this.error(socket, conn.locale, 'too_fast'));
  }

  /**
   * The last socket of a chat closed here. A waiting citizen keeps the place for `waitingLeaveMs` (a reload, a
   * network blip); after that it goes, unless they reconnected here or on another process meanwhile. A process
   * that dies with the timer pending leaves the place to the shared `waitingIdleMs` rule.
   */
  private async citizenLeft(chatId: number) {
    const leftAt = await repo.markWaitingCitizenLeft(this.deps.db, chatId);
    if (!leftAt || this.stopped || this.citizens.has(chatId)) return;
    clearTimeout(this.leaving.get(chatId));
    const timer = setTimeout(() => {
      this.leaving.delete(chatId);
      if (this.stopped || this.citizens.has(chatId)) return;
      void service
        .releaseLeftCitizen(this.deps.db, this.deps.events, this.timings, chatId, leftAt)
        .catch(this.reported('citizen-release', { chatId }));
    }, this.timings.waitingLeaveMs);
    timer.unref();
    this.leaving.set(chatId, timer);
  }

  private async onCitizenMessage(conn: CitizenConn, raw: string) {
    const parsed = citizenInbound.safeParse(safeJson(raw));
    if (!parsed.success) return this.error(conn.socket, conn.locale, 'invalid_message');
    const input = parsed.data;
    conn.confirmedAt = Date.now();
    if (input.type === 'present') return;
    const { db, events } = this.deps;
    // The hot path: a message in a chat whose state the events have kept up to date here.
    if (input.type === 'message' && conn.known && conn.known.status !== 'closed') {
      await this.storeCitizenMessage(conn, input.clientId, input.text, conn.chatId, conn.known);
      return;
    }
    const epoch = conn.epoch;
    const chat = await repo.findChat(this.deps.db, conn.chatId);
    if (!chat) return this.error(conn.socket, conn.locale, 'chat_closed');
    if (epoch === conn.epoch) conn.known = { status: chat.status, agentId: chat.agent_account_id };
    // The transcript is typically asked for after the chat ended; everything else needs an open chat.
    if (input.type === 'transcript') {
      if (input.email !== undefined) return this.error(conn.socket, conn.locale, 'transcript_address_fixed');
      try {
        const email = await service.mailTranscript(this.deps, chat, conn.client);
        send(conn.socket, { type: 'transcript', email });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.error(
          conn.socket,
          conn.locale,
          error.code === 'RATE_LIMITED' ? 'mail_limit' : String(error.params.reason ?? 'failed'),
        );
      }
      return;
    }
    if (chat.status === 'closed') return this.error(conn.socket, conn.locale, 'chat_closed');
    if (input.type === 'message') {
      await this.storeCitizenMessage(conn, input.clientId, input.text, chat.id, {
        status: chat.status,
        agentId: chat.agent_account_id,
      });
    } else if (input.type === 'typing') {
      if (chat.status === 'active')
        await events.publish(service.CHAT_CHANNEL, { type: 'typing', chatId: chat.id, from: 'citizen' });
    } else {
      await service.endChat(db, events, this.timings, chat.id, 'citizen', null);
    }
  }

  /**
   * Stores a citizen's message, then acknowledges it with the stored message itself: the sending socket
   * gets one frame instead of an echo and an acknowledgement (its other tabs get the echo).
   */
  private async storeCitizenMessage(
    conn: CitizenConn,
    clientId: string,
    text: string,
    chatId: number,
    known: NonNullable<CitizenConn['known']>,
  ) {
    conn.sending.add(clientId);
    try {
      const message = await service.postMessage(this.deps.db, this.deps.events, {
        chatId,
        sender: 'citizen',
        authorAccountId: null,
        clientId,
        text,
        agentId: known.status === 'active' ? known.agentId : null,
      });
      send(conn.socket, { type: 'ack', clientId, messageId: message.id, message: messageOut(message) });
    } finally {
      conn.sending.delete(clientId);
    }
  }

  async connectAgent(socket: WebSocket, request: FastifyRequest) {
    const early = holdEarlyFrames(socket);
    const principal = await this.agentPrincipal(request);
    if (!principal) {
      this.error(socket, 'nl', 'not_allowed');
      socket.close(4403, 'not allowed');
      return;
    }
    const accountId = principal.accountId;
    const set = this.agents.get(accountId) ?? new Set<WebSocket>();
    this.agents.set(accountId, set);
    set.add(socket);
    socket.on('close', () => {
      set.delete(socket);
      if (set.size > 0) return;
      if (this.agents.get(accountId) === set) this.agents.delete(accountId);
      // The grace period starts now; the sweeper hands the chats back if the agent does not return in time.
      void repo
        .upsertAgent(this.deps.db, accountId, { connected: false })
        .catch(this.reported('presence', { accountId }));
    });
    const onMessage = (raw: string) => {
      void this.onAgentMessage(socket, principal, raw).catch((error) => {
        if (!(error instanceof AppError))
          this.deps.background.report('contact-chat:agent-frame', error, { accountId });
        this.error(socket, principal.locale, errorCodeOf(error));
      });
    };
    await repo.upsertAgent(this.deps.db, accountId, { connected: true });
    const agent = await repo.findAgent(this.deps.db, accountId);
    const chats = await repo.listActiveChatsOfAgent(this.deps.db, accountId);
    send(socket, {
      type: 'hello',
      status: (agent?.status ?? 'away') as AgentStatus,
      capacity: agent?.capacity ?? 3,
      chats: await Promise.all(chats.map((chat) => this.chatSummary(chat))),
    });
    early.release(onMessage, () => this.error(socket, principal.locale, 'too_fast'));
    // Reconnecting as 'available' frees up routing that waited for this agent.
    if (agent?.status === 'available') await service.dispatch(this.deps.db, this.deps.events, this.timings);
  }

  private async agentPrincipal(request: FastifyRequest): Promise<Principal | null> {
    if (!isOwnOrigin(request.headers.origin, request.headers.host, this.deps.config.publicUrl)) return null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const principal = await loadPrincipal(this.deps.db, token, this.deps.config.sessionTtlHours);
    return principal && canUseAgentConsole(principal) ? principal : null;
  }

  private async onAgentMessage(socket: WebSocket, principal: Principal, raw: string) {
    const parsed = agentInbound.safeParse(safeJson(raw));
    if (!parsed.success) return this.error(socket, principal.locale, 'invalid_message');
    const input = parsed.data;
    const { db, events } = this.deps;
    if (input.type === 'status') {
      await service.setAgentStatus(
        db,
        events,
        this.timings,
        principal.accountId,
        input.status,
        input.capacity,
      );
      send(socket, { type: 'status', status: input.status });
      return;
    }
    const chat = await repo.findChat(db, input.chatId);
    if (!chat || !canActOnChat(principal, chat)) return this.error(socket, principal.locale, 'not_your_chat');
    if (input.type === 'message') {
      const message = await service.postMessage(db, events, {
        chatId: chat.id,
        sender: 'agent',
        authorAccountId: principal.accountId,
        clientId: input.clientId,
        text: input.text,
        agentId: principal.accountId,
      });
      send(socket, { type: 'ack', chatId: chat.id, clientId: input.clientId, messageId: message.id });
    } else if (input.type === 'note') {
      const note = await service.postNote(
        db,
        events,
        chat.id,
        principal.accountId,
        input.clientId,
        input.text,
      );
      send(socket, { type: 'ack', chatId: chat.id, clientId: input.clientId, messageId: note.id });
    } else if (input.type === 'transfer') {
      if (input.toAccountId !== undefined && !canTransferTo(principal, input.toAccountId))
        throw new AppError('BAD_REQUEST');
      await service.transferChat(db, events, this.timings, chat.id, principal.accountId, input);
    } else if (input.type === 'typing') {
      await events.publish(service.CHAT_CHANNEL, { type: 'typing', chatId: chat.id, from: 'agent' });
    } else {
      await service.endChat(db, events, this.timings, chat.id, 'agent', input.category);
    }
  }
}

/**
 * Frames that arrive while the connection is still being authenticated are kept, not dropped, and handed
 * over in order once the handler is ready (a client may send right after the socket opens).
 */
function holdEarlyFrames(socket: WebSocket) {
  const held: string[] = [];
  let deliver: ((raw: string) => void) | null = null;
  socket.on('message', (data) => {
    const raw = data.toString();
    if (deliver) deliver(raw);
    else held.push(raw);
  });
  return {
    /** From now on frames go to `handler`, at most FRAME_BURST at once and FRAME_RATE a second after that. */
    release(handler: (raw: string) => void, onTooFast: () => void) {
      let tokens = FRAME_BURST;
      let last = Date.now();
      deliver = (raw) => {
        const now = Date.now();
        tokens = Math.min(FRAME_BURST, tokens + ((now - last) / 1000) * FRAME_RATE);
        last = now;
        if (tokens < 1) return onTooFast();
        tokens -= 1;
        handler(raw);
      };
      for (const raw of held.splice(0)) deliver(raw);
    },
  };
}

// Per socket: a person types far slower than this; a flood is refused (unacknowledged, so a client may resend).
const FRAME_BURST = 30;
const FRAME_RATE = 5;

/** A refusal the agent can act on gets its own message; anything else the general one. */
function errorCodeOf(error: unknown): string {
  if (!(error instanceof AppError)) return 'failed';
  if (error.params.reason === 'colleague_unavailable') return 'colleague_unavailable';
  return error.code === 'NOT_FOUND' ? 'unknown_queue' : 'invalid_message';
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
