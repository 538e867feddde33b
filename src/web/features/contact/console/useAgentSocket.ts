import { useCallback, useEffect, useReducer, useRef } from 'react';
import type {
  AgentFrame,
  AgentStatus,
  ChatMessageOut,
  ChatSender,
  ChatSummaryOut,
} from '../../../../shared/api/contact-chat';

export type Sender = ChatSender;
export type ChatMessage = ChatMessageOut;
export type PendingItem = { clientId: string; kind: 'message' | 'note'; text: string };
export type { AgentStatus };
export type Connection = 'connecting' | 'connected' | 'offline';

export type ConsoleChat = {
  chatId: number;
  queueId: number;
  citizenName: string | null;
  locale: 'nl' | 'en';
  messages: ChatMessage[];
  pending: PendingItem[];
  closed: boolean;
  typing: boolean;
  unread: number;
};

type Summary = ChatSummaryOut;

export type ConsoleState = {
  connection: Connection;
  status: AgentStatus | null;
  capacity: number;
  chats: ConsoleChat[];
  activeChatId: number | null;
  error: { code: string; message: string } | null;
};

/** What the console tells its page, to announce it (one polite, throttled live region). */
export type ConsoleEvent =
  | { type: 'assigned'; chat: ConsoleChat }
  | { type: 'message'; chat: ConsoleChat; message: ChatMessage }
  | { type: 'transferred'; chat: ConsoleChat }
  | { type: 'closed'; chat: ConsoleChat };

type Action =
  | { type: 'connection'; connection: Connection }
  | { type: 'hello'; status: AgentStatus; capacity: number; chats: Summary[] }
  | { type: 'status'; status: AgentStatus; capacity?: number }
  | { type: 'assigned'; chat: Summary }
  | { type: 'message'; chatId: number; message: ChatMessage }
  | { type: 'pending'; chatId: number; item: PendingItem }
  | { type: 'ack'; chatId: number; clientId: string }
  | { type: 'typing'; chatId: number; typing: boolean }
  | { type: 'closed'; chatId: number; remove: boolean }
  | { type: 'remove'; chatId: number }
  | { type: 'select'; chatId: number | null }
  | { type: 'error'; error: ConsoleState['error'] };

const byId = (list: ChatMessage[]) =>
  [...new Map(list.map((m) => [m.id, m])).values()].sort((a, b) => a.id - b.id);

function fromSummary(summary: Summary, previous?: ConsoleChat): ConsoleChat {
  const messages = byId(summary.messages);
  const known = new Set(messages.map((m) => m.clientId));
  return {
    chatId: summary.chatId,
    queueId: summary.queueId,
    citizenName: summary.citizenName,
    locale: summary.locale,
    messages,
    pending: (previous?.pending ?? []).filter((p) => !known.has(p.clientId)),
    closed: false,
    typing: false,
    unread: previous?.unread ?? 0,
  };
}

function updateChat(state: ConsoleState, chatId: number, change: (chat: ConsoleChat) => ConsoleChat) {
  return { ...state, chats: state.chats.map((c) => (c.chatId === chatId ? change(c) : c)) };
}

function firstOpen(chats: ConsoleChat[], current: number | null) {
  if (current !== null && chats.some((c) => c.chatId === current)) return current;
  return chats[0]?.chatId ?? null;
}

function reducer(state: ConsoleState, action: Action): ConsoleState {
  switch (action.type) {
    case 'connection':
      return { ...state, connection: action.connection };
    case 'hello': {
      // The server's list is the truth after a (re)connect; closed chats the agent still reads stay listed.
      const previous = new Map(state.chats.map((c) => [c.chatId, c]));
      const live = action.chats.map((s) => fromSummary(s, previous.get(s.chatId)));
      const ids = new Set(live.map((c) => c.chatId));
      const kept = state.chats.filter((c) => c.closed && !ids.has(c.chatId));
      const chats = [...live, ...kept];
      return {
        ...state,
        connection: 'connected',
        status: action.status,
        capacity: action.capacity,
        chats,
        activeChatId: firstOpen(chats, state.activeChatId),
      };
    }
    case 'status':
      return { ...state, status: action.status, capacity: action.capacity ?? state.capacity };
    case 'assigned': {
      const existing = state.chats.find((c) => c.chatId === action.chat.chatId);
      const chat = fromSummary(action.chat, existing);
      const chats = existing
        ? state.chats.map((c) => (c.chatId === chat.chatId ? chat : c))
        : [...state.chats, chat];
      return { ...state, chats, activeChatId: firstOpen(chats, state.activeChatId) };
    }
    case 'message':
      return updateChat(state, action.chatId, (chat) => {
        if (chat.messages.some((m) => m.id === action.message.id)) return chat;
        const fromCitizen = action.message.sender === 'citizen';
        return {
          ...chat,
          messages: byId([...chat.messages, action.message]),
          pending: chat.pending.filter((p) => p.clientId !== action.message.clientId),
          typing: fromCitizen ? false : chat.typing,
          // Unread: in another tab of the console, or while the agent's browser shows another page.
          unread:
            fromCitizen && (state.activeChatId !== chat.chatId || document.hidden)
              ? chat.unread + 1
              : chat.unread,
        };
      });
    case 'pending':
      return updateChat(state, action.chatId, (chat) => ({
        ...chat,
        pending: [...chat.pending, action.item],
      }));
    case 'ack':
      return updateChat(state, action.chatId, (chat) => ({
        ...chat,
        pending: chat.pending.filter((p) => p.clientId !== action.clientId),
      }));
    case 'typing':
      return updateChat(state, action.chatId, (chat) => ({ ...chat, typing: action.typing }));
    case 'closed':
      if (action.remove) return reducer(state, { type: 'remove', chatId: action.chatId });
      return updateChat(state, action.chatId, (chat) => ({ ...chat, closed: true, typing: false }));
    case 'remove': {
      const chats = state.chats.filter((c) => c.chatId !== action.chatId);
      return { ...state, chats, activeChatId: firstOpen(chats, state.activeChatId) };
    }
    case 'select':
      return {
        ...updateChat(state, action.chatId ?? -1, (chat) => ({ ...chat, unread: 0 })),
        activeChatId: action.chatId,
      };
    case 'error':
      return { ...state, error: action.error };
  }
}

const initial: ConsoleState = {
  connection: 'connecting',
  status: null,
  capacity: 3,
  chats: [],
  activeChatId: null,
  error: null,
};

const TYPING_SHOWN_MS = 4000;
const TYPING_SIGNAL_MS = 2500;

/**
 * The agent's socket: connects with the session cookie, reconnects by itself with back-off, and on every
 * (re)connect takes the server's list of chats as the truth. Messages and notes carry a client id and stay
 * pending until acknowledged; they are sent again after a reconnect, and the server stores each id once.
 */
export function useAgentSocket(onEvent: (event: ConsoleEvent) => void) {
  const [state, dispatch] = useReducer(reducer, initial);
  const stateRef = useRef(state);
  stateRef.current = state;
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const socketRef = useRef<WebSocket | null>(null);
  const retry = useRef(0);
  const wantOnline = useRef(true);
  const closing = useRef(new Set<number>());
  const typingTimers = useRef(new Map<number, number>());
  const lastTyping = useRef(new Map<number, number>());
  const afterHello = useRef<(() => void) | null>(null);

  const send = useCallback((payload: unknown) => {
    const socket = socketRef.current;
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(payload));
    return true;
  }, []);

  const connect = useCallback(() => {
    const chatOf = (chatId: number) => stateRef.current.chats.find((c) => c.chatId === chatId);
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws/chat/agent`);
    socketRef.current = socket;
    dispatch({ type: 'connection', connection: 'connecting' });
    socket.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as AgentFrame;
      switch (frame.type) {
        case 'hello': {
          retry.current = 0;
          dispatch({ type: 'hello', status: frame.status, capacity: frame.capacity, chats: frame.chats });
          // Whatever was not acknowledged before the drop goes again, with the same client id.
          for (const chat of stateRef.current.chats)
            for (const item of chat.pending)
              socket.send(
                JSON.stringify({
                  type: item.kind,
                  chatId: chat.chatId,
                  clientId: item.clientId,
                  text: item.text,
                }),
              );
          afterHello.current?.();
          afterHello.current = null;
          break;
        }
        case 'status':
          dispatch({ type: 'status', status: frame.status });
          break;
        case 'assigned': {
          dispatch({ type: 'assigned', chat: frame.chat });
          onEventRef.current({ type: 'assigned', chat: fromSummary(frame.chat) });
          break;
        }
        case 'message': {
          const chat = chatOf(frame.chatId);
          dispatch({ type: 'message', chatId: frame.chatId, message: frame.message });
          if (chat && !chat.messages.some((m) => m.id === frame.message.id))
            onEventRef.current({ type: 'message', chat, message: frame.message });
          break;
        }
        case 'ack':
          dispatch({ type: 'ack', chatId: frame.chatId, clientId: frame.clientId });
          break;
        case 'typing': {
          const { chatId } = frame;
          dispatch({ type: 'typing', chatId, typing: true });
          window.clearTimeout(typingTimers.current.get(chatId));
          typingTimers.current.set(
            chatId,
            window.setTimeout(() => dispatch({ type: 'typing', chatId, typing: false }), TYPING_SHOWN_MS),
          );
          break;
        }
        case 'transferred': {
          const chat = chatOf(frame.chatId);
          dispatch({ type: 'remove', chatId: frame.chatId });
          if (chat) onEventRef.current({ type: 'transferred', chat });
          break;
        }
        case 'closed': {
          const chat = chatOf(frame.chatId);
          // Closed by this agent: it leaves the list; closed by the citizen or the system: it stays, marked.
          const remove = closing.current.delete(frame.chatId);
          dispatch({ type: 'closed', chatId: frame.chatId, remove });
          if (chat) onEventRef.current({ type: 'closed', chat });
          break;
        }
        case 'error':
          dispatch({ type: 'error', error: { code: frame.code, message: frame.message } });
          break;
      }
    };
    socket.onclose = (event) => {
      if (socketRef.current !== socket) return;
      socketRef.current = null;
      // Refused (signed out, session expired, role taken away): trying again would not help.
      if (event.code === 4403) wantOnline.current = false;
      if (!wantOnline.current) {
        dispatch({ type: 'connection', connection: 'offline' });
        return;
      }
      dispatch({ type: 'connection', connection: 'connecting' });
      // Back off up to 10 s; the server gives the chats back only after its grace period.
      const delay = Math.min(10_000, 300 * 2 ** retry.current++);
      window.setTimeout(() => {
        if (wantOnline.current && !socketRef.current) connect();
      }, delay);
    };
  }, []);

  // Back on the console's browser tab: the open chat's messages count as read.
  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden) dispatch({ type: 'select', chatId: stateRef.current.activeChatId });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(() => {
    wantOnline.current = true;
    connect();
    const timers = typingTimers.current;
    return () => {
      wantOnline.current = false;
      const socket = socketRef.current;
      socketRef.current = null;
      socket?.close();
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, [connect]);

  const setStatus = useCallback(
    (status: AgentStatus, capacity = stateRef.current.capacity) => {
      dispatch({ type: 'error', error: null });
      if (status === 'offline') {
        // Away first, so routing stops at once; then the socket closes and stays closed.
        send({ type: 'status', status: 'away' });
        wantOnline.current = false;
        dispatch({ type: 'status', status: 'offline' });
        window.setTimeout(() => {
          const socket = socketRef.current;
          socketRef.current = null;
          socket?.close();
          dispatch({ type: 'connection', connection: 'offline' });
        }, 200);
        return;
      }
      dispatch({ type: 'status', status, capacity });
      if (!wantOnline.current || !socketRef.current) {
        wantOnline.current = true;
        afterHello.current = () => send({ type: 'status', status, capacity });
        if (!socketRef.current) connect();
        return;
      }
      send({ type: 'status', status, capacity });
    },
    [connect, send],
  );

  const post = useCallback(
    (chatId: number, kind: 'message' | 'note', text: string) => {
      const item: PendingItem = { clientId: crypto.randomUUID(), kind, text };
      dispatch({ type: 'pending', chatId, item });
      // The citizen's "typing…" ends with a message; the next keystroke signals again at once.
      if (kind === 'message') lastTyping.current.delete(chatId);
      send({ type: kind, chatId, clientId: item.clientId, text });
    },
    [send],
  );

  const typing = useCallback(
    (chatId: number) => {
      const last = lastTyping.current.get(chatId) ?? 0;
      if (Date.now() - last < TYPING_SIGNAL_MS) return;
      lastTyping.current.set(chatId, Date.now());
      send({ type: 'typing', chatId });
    },
    [send],
  );

  const transfer = useCallback(
    (chatId: number, target: { toAccountId: number } | { queueKey: string }) => {
      dispatch({ type: 'error', error: null });
      send({ type: 'transfer', chatId, ...target });
    },
    [send],
  );

  const close = useCallback(
    (chatId: number, category: string) => {
      dispatch({ type: 'error', error: null });
      closing.current.add(chatId);
      if (!send({ type: 'close', chatId, category })) closing.current.delete(chatId);
    },
    [send],
  );

  const select = useCallback((chatId: number | null) => dispatch({ type: 'select', chatId }), []);
  const dismiss = useCallback((chatId: number) => dispatch({ type: 'remove', chatId }), []);
  const clearError = useCallback(() => dispatch({ type: 'error', error: null }), []);

  return { state, setStatus, post, typing, transfer, close, select, dismiss, clearError };
}
