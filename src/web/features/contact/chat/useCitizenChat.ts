import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  ChatMessageOut,
  ChatSender,
  CitizenFrame,
  startChatBody,
} from '../../../../shared/api/contact-chat';
import { ApiError, api } from '../../../app/api';
import { clearChatToken, readChatToken, storeChatToken } from './chat-token';

// Screen readers hear the queue place at most this often (the latest one, never a stale one).
const QUEUE_ANNOUNCE_MS = 15_000;
// The agent sees "typing…" for a while after each signal; the citizen's browser signals at most this often.
const TYPING_SHOWN_MS = 4000;
const TYPING_SIGNAL_MS = 2500;

export type Sender = ChatSender;
export type Message = ChatMessageOut;
export type Pending = { clientId: string; text: string };
export type Phase = 'idle' | 'starting' | 'waiting' | 'active' | 'closed';

export type CitizenChatState = {
  phase: Phase;
  position: number | null;
  estimate: number | null;
  offerEmail: boolean;
  agentName: string | null;
  messages: Message[];
  /** Sent (or to be sent) and not yet acknowledged: shown as "sending", sent again after a reconnect. */
  pending: Pending[];
  error: string | null;
  typing: boolean;
  connected: boolean;
  /** The address given at the start: the only one the transcript can be mailed to, once. */
  transcriptAddress: string | null;
  transcriptSentTo: string | null;
  /** While waiting, how often the widget must say "still here" (seconds), as the server asks. */
  confirmEvery: number | null;
  feedbackToken: string | null;
};

/** The server's `state` frame: the full picture after (re)connecting. */
type StateFrame = Extract<CitizenFrame, { type: 'state' }>;

type Action =
  | { type: 'state'; frame: StateFrame }
  | { type: 'queue'; position: number | null; estimate: number | null; offerEmail: boolean }
  | { type: 'assigned'; agentName: string | null }
  | { type: 'message'; message: Message }
  | { type: 'pending'; item: Pending }
  | { type: 'ack'; clientId: string; message?: Message }
  | { type: 'typing'; typing: boolean }
  | { type: 'closed'; feedbackToken: string | null }
  | { type: 'transcript'; email: string }
  | { type: 'error'; message: string; unknownChat?: boolean }
  | { type: 'connected'; connected: boolean }
  | { type: 'starting' }
  | { type: 'startFailed'; message: string; offerEmail: boolean }
  | { type: 'restart' };

const withMessage = (list: Message[], message: Message) =>
  list.some((m) => m.id === message.id) ? list : [...list, message];

export function initialChatState(resuming: boolean): CitizenChatState {
  return {
    phase: resuming ? 'starting' : 'idle',
    position: null,
    estimate: null,
    offerEmail: false,
    agentName: null,
    messages: [],
    pending: [],
    error: null,
    typing: false,
    connected: true,
    transcriptAddress: null,
    transcriptSentTo: null,
    confirmEvery: null,
    feedbackToken: null,
  };
}

/** What each server frame and each of the citizen's actions does to the chat as the widget shows it. */
export function citizenChatReducer(state: CitizenChatState, action: Action): CitizenChatState {
  switch (action.type) {
    case 'state': {
      // Replaces what we had, so nothing shows twice.
      const { frame } = action;
      return {
        ...state,
        messages: frame.messages,
        pending: state.pending.filter((p) => !frame.messages.some((m) => m.clientId === p.clientId)),
        phase: frame.status,
        position: frame.position,
        estimate: frame.estimatedWaitSeconds,
        offerEmail: !!frame.offerEmail,
        agentName: frame.agentName,
        confirmEvery: typeof frame.confirmEverySeconds === 'number' ? frame.confirmEverySeconds : null,
        transcriptAddress: frame.transcript?.email ?? null,
        transcriptSentTo: frame.transcript?.sent ? (frame.transcript.email ?? null) : null,
      };
    }
    case 'queue':
      return {
        ...state,
        phase: 'waiting',
        position: action.position,
        estimate: action.estimate,
        offerEmail: action.offerEmail,
      };
    case 'assigned':
      return { ...state, phase: 'active', agentName: action.agentName };
    case 'message':
      return {
        ...state,
        messages: withMessage(state.messages, action.message),
        pending: state.pending.filter((p) => p.clientId !== action.message.clientId),
        typing: action.message.sender === 'citizen' ? state.typing : false,
      };
    case 'pending':
      return { ...state, pending: [...state.pending, action.item] };
    case 'ack':
      // The acknowledgement carries the stored message (the sending tab gets no separate echo).
      return {
        ...state,
        messages: action.message ? withMessage(state.messages, action.message) : state.messages,
        pending: state.pending.filter((p) => p.clientId !== action.clientId),
      };
    case 'typing':
      return { ...state, typing: action.typing };
    case 'closed':
      return {
        ...state,
        phase: 'closed',
        typing: false,
        feedbackToken: action.feedbackToken ?? state.feedbackToken,
      };
    case 'transcript':
      return { ...state, transcriptSentTo: action.email };
    case 'error':
      return { ...state, error: action.message, phase: action.unknownChat ? 'idle' : state.phase };
    case 'connected':
      return { ...state, connected: action.connected };
    case 'starting':
      return { ...state, error: null, offerEmail: false, phase: 'starting' };
    case 'startFailed':
      return { ...state, phase: 'idle', error: action.message, offerEmail: action.offerEmail };
    case 'restart':
      return {
        ...state,
        messages: [],
        pending: [],
        transcriptSentTo: null,
        transcriptAddress: null,
        feedbackToken: null,
        agentName: null,
        error: null,
        phase: 'idle',
      };
  }
}

export type StartInput = z.input<typeof startChatBody>;

/**
 * The citizen's side of a chat: starts it, keeps its socket (reconnecting with back-off; the resume token
 * lives in sessionStorage, so a reload resumes the same place or chat), sends messages with a client id
 * until the server acknowledges them (stored once), and says "still here" while waiting. News is handed to
 * `announce` (one polite, throttled live region); `onAttention` when an agent takes the chat, `onIncoming`
 * for each message from the agent or the service.
 */
export function useCitizenChat(options: {
  announce: (text: string) => void;
  onAttention: () => void;
  onIncoming: () => void;
}) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(citizenChatReducer, undefined, () =>
    initialChatState(!!readChatToken()),
  );
  const socketRef = useRef<WebSocket | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const retry = useRef(0);
  const typingTimer = useRef<number | undefined>(undefined);
  const lastTypingSignal = useRef(0);
  const queueAnnounce = useRef<{ last: number; text: string | null; timer?: number }>({
    last: 0,
    text: null,
  });
  // The socket's handlers live as long as the socket: they read the current language and callbacks here.
  const latest = useRef({ t, ...options });
  latest.current = { t, ...options };

  const queueText = useCallback((pos: number | null, seconds: number | null) => {
    const { t } = latest.current;
    if (!pos) return t('contactChat.panel.determining');
    if (seconds === null)
      return `${t('contactChat.panel.position', { position: pos })} ${t('contactChat.panel.noEstimate')}`;
    return t('contact.widget.positionEstimate', {
      position: pos,
      count: Math.max(1, Math.round(seconds / 60)),
    });
  }, []);

  /** The queue place is announced at once the first time, then at most every QUEUE_ANNOUNCE_MS, the latest. */
  const announceQueue = useCallback((text: string) => {
    const pending = queueAnnounce.current;
    pending.text = text;
    if (pending.timer !== undefined) return;
    const wait = Math.max(0, pending.last + QUEUE_ANNOUNCE_MS - Date.now());
    pending.timer = window.setTimeout(() => {
      pending.timer = undefined;
      if (pending.text === null) return;
      pending.last = Date.now();
      latest.current.announce(pending.text);
      pending.text = null;
    }, wait);
  }, []);
  const stopQueueAnnouncements = useCallback(() => {
    window.clearTimeout(queueAnnounce.current.timer);
    queueAnnounce.current = { last: 0, text: null };
  }, []);

  const sendFrame = useCallback((payload: unknown) => {
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }, []);

  const connect = useCallback(
    (token: string) => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(
        `${scheme}://${window.location.host}/ws/chat/citizen?token=${encodeURIComponent(token)}`,
      );
      socketRef.current = socket;
      socket.onopen = () => {
        retry.current = 0;
        dispatch({ type: 'connected', connected: true });
        // Unacknowledged messages go again with the same client id: the server stores each one once.
        for (const item of stateRef.current.pending)
          socket.send(JSON.stringify({ type: 'message', clientId: item.clientId, text: item.text }));
      };
      socket.onmessage = (event) => {
        const frame = JSON.parse(String(event.data)) as CitizenFrame;
        const { t, announce } = latest.current;
        switch (frame.type) {
          case 'state':
            dispatch({ type: 'state', frame });
            if (frame.status === 'waiting')
              announceQueue(queueText(frame.position, frame.estimatedWaitSeconds));
            if (frame.status === 'closed') clearChatToken();
            break;
          case 'queue':
            dispatch({
              type: 'queue',
              position: frame.position,
              estimate: frame.estimatedWaitSeconds,
              offerEmail: !!frame.offerEmail,
            });
            announceQueue(queueText(frame.position, frame.estimatedWaitSeconds));
            break;
          case 'assigned':
            stopQueueAnnouncements();
            dispatch({ type: 'assigned', agentName: frame.agentName });
            announce(t('contactChat.panel.assigned', { name: frame.agentName }));
            latest.current.onAttention();
            break;
          case 'message': {
            const { message } = frame;
            dispatch({ type: 'message', message });
            if (message.sender !== 'citizen') {
              latest.current.onIncoming();
              announce(
                t('contactChat.panel.newMessage', {
                  name:
                    message.sender === 'agent'
                      ? (stateRef.current.agentName ?? t('contactChat.panel.agent'))
                      : '1700',
                  text: message.text,
                }),
              );
            }
            break;
          }
          case 'transcript':
            dispatch({ type: 'transcript', email: frame.email });
            announce(t('contactChat.panel.transcriptSent', { email: frame.email }));
            break;
          case 'ack':
            dispatch({ type: 'ack', clientId: frame.clientId, message: frame.message });
            break;
          case 'typing':
            dispatch({ type: 'typing', typing: true });
            window.clearTimeout(typingTimer.current);
            typingTimer.current = window.setTimeout(
              () => dispatch({ type: 'typing', typing: false }),
              TYPING_SHOWN_MS,
            );
            break;
          case 'closed':
            stopQueueAnnouncements();
            dispatch({
              type: 'closed',
              feedbackToken: typeof frame.feedbackToken === 'string' ? frame.feedbackToken : null,
            });
            // The socket stays open so the citizen can still ask for the transcript.
            clearChatToken();
            announce(t('contactChat.panel.closed'));
            break;
          case 'error':
            if (frame.code === 'unknown_chat') clearChatToken();
            dispatch({ type: 'error', message: frame.message, unknownChat: frame.code === 'unknown_chat' });
            break;
        }
      };
      socket.onclose = () => {
        if (socketRef.current !== socket) return;
        socketRef.current = null;
        const stored = readChatToken();
        if (!stored) return;
        dispatch({ type: 'connected', connected: false });
        // Back off up to 10 s; the server keeps the queue place and the chat, so nothing is lost meanwhile.
        const delay = Math.min(10_000, 500 * 2 ** retry.current++);
        window.setTimeout(() => {
          if (!socketRef.current && readChatToken() === stored) connect(stored);
        }, delay);
      };
    },
    [announceQueue, queueText, stopQueueAnnouncements],
  );

  // A chat started before a reload resumes by itself (once, on mount; later frames go through refs).
  useEffect(() => {
    const token = readChatToken();
    if (token && !socketRef.current) connect(token);
    return () => {
      const socket = socketRef.current;
      socketRef.current = null;
      socket?.close();
      window.clearTimeout(typingTimer.current);
      window.clearTimeout(queueAnnounce.current.timer);
    };
  }, [connect]);

  // While waiting, the widget says "still here" as often as the server asks: a place whose page says nothing
  // (closed laptop, a script holding places) is given up after a while.
  const { phase, connected, confirmEvery } = state;
  useEffect(() => {
    if (phase !== 'waiting' || !connected || !confirmEvery) return;
    const timer = window.setInterval(() => sendFrame({ type: 'present' }), confirmEvery * 1000);
    return () => window.clearInterval(timer);
  }, [phase, connected, confirmEvery, sendFrame]);

  /** Starts a chat; true when it started (the socket then brings its place in the queue). */
  const start = async (body: StartInput): Promise<boolean> => {
    dispatch({ type: 'starting' });
    options.announce(t('contactChat.panel.determining'));
    try {
      const started = await api.contactChat.start({ body });
      storeChatToken(started.resumeToken);
      connect(started.resumeToken);
      return true;
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.message : t('contactChat.panel.failed');
      dispatch({
        type: 'startFailed',
        message,
        offerEmail: caught instanceof ApiError && caught.code.startsWith('CHAT_'),
      });
      options.announce(message);
      return false;
    }
  };

  const send = (text: string) => {
    const item = { clientId: crypto.randomUUID(), text };
    dispatch({ type: 'pending', item });
    sendFrame({ type: 'message', ...item });
    lastTypingSignal.current = 0;
  };

  const signalTyping = () => {
    if (phase !== 'active' || Date.now() - lastTypingSignal.current < TYPING_SIGNAL_MS) return;
    lastTypingSignal.current = Date.now();
    sendFrame({ type: 'typing' });
  };

  const restart = () => {
    socketRef.current?.close();
    socketRef.current = null;
    dispatch({ type: 'restart' });
  };

  return {
    state,
    start,
    send,
    signalTyping,
    end: () => sendFrame({ type: 'end' }),
    requestTranscript: () => sendFrame({ type: 'transcript' }),
    restart,
  };
}
