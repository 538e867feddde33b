import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import './chat.css';

// Same limit as the server's chat schema; the server stays the judge.
const MAX_MESSAGE = 2000;
const TOKEN_KEY = 'wia_chat_token';
// Screen readers hear the queue place at most this often; messages are announced as they come.
const QUEUE_ANNOUNCE_MS = 15_000;

type Message = { id: number; clientId: string; sender: 'citizen' | 'agent' | 'system'; text: string };
type Pending = { clientId: string; text: string };
type Phase = 'idle' | 'starting' | 'waiting' | 'active' | 'closed';
type StartResponse = {
  chatId: number;
  resumeToken: string;
  position: number;
  estimatedWaitSeconds: number | null;
};

function newClientId(): string {
  return crypto.randomUUID();
}

/**
 * "Chat met ons": starts a chat, shows the live queue place and estimate, then the conversation. The resume
 * token lives in sessionStorage, so a reload or a dropped connection resumes the same place or chat; unsent
 * messages keep their client id and are sent again until the server acknowledges them (never twice stored).
 */
export function ChatPanel({ topic = 'algemeen' }: { topic?: string }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>('idle');
  const [position, setPosition] = useState<number | null>(null);
  const [estimate, setEstimate] = useState<number | null>(null);
  const [offerEmail, setOfferEmail] = useState(false);
  const [agentName, setAgentName] = useState<string | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [transcriptEmail, setTranscriptEmail] = useState('');
  const [transcriptSentTo, setTranscriptSentTo] = useState<string | null>(null);
  const emailId = useId();
  const socketRef = useRef<WebSocket | null>(null);
  const pendingRef = useRef<Pending[]>([]);
  const lastQueueAnnounce = useRef(0);
  const retry = useRef(0);
  const agentNameRef = useRef<string | null>(null);
  agentNameRef.current = agentName;
  pendingRef.current = pending;

  const announce = useCallback((text: string) => setAnnouncement(text), []);

  const connect = useCallback(
    (token: string) => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(
        `${scheme}://${window.location.host}/ws/chat/citizen?token=${encodeURIComponent(token)}`,
      );
      socketRef.current = socket;
      socket.onopen = () => {
        retry.current = 0;
        for (const item of pendingRef.current)
          socket.send(JSON.stringify({ type: 'message', clientId: item.clientId, text: item.text }));
      };
      socket.onmessage = (event) => {
        const frame = JSON.parse(String(event.data));
        switch (frame.type) {
          case 'state':
            setMessages(frame.messages);
            setPhase(frame.status);
            setPosition(frame.position);
            setEstimate(frame.estimatedWaitSeconds);
            setOfferEmail(!!frame.offerEmail);
            setAgentName(frame.agentName);
            if (frame.status === 'closed') sessionStorage.removeItem(TOKEN_KEY);
            break;
          case 'queue': {
            setPhase('waiting');
            setPosition(frame.position);
            setEstimate(frame.estimatedWaitSeconds);
            setOfferEmail(!!frame.offerEmail);
            if (Date.now() - lastQueueAnnounce.current > QUEUE_ANNOUNCE_MS) {
              lastQueueAnnounce.current = Date.now();
              announce(t('contactChat.panel.position', { position: frame.position }));
            }
            break;
          }
          case 'assigned':
            setPhase('active');
            setAgentName(frame.agentName);
            announce(t('contactChat.panel.assigned', { name: frame.agentName }));
            break;
          case 'message': {
            const message = frame.message as Message;
            setMessages((list) => (list.some((m) => m.id === message.id) ? list : [...list, message]));
            setPending((list) => list.filter((p) => p.clientId !== message.clientId));
            if (message.sender === 'agent') {
              setTyping(false);
              announce(
                t('contactChat.panel.newMessage', { name: agentNameRef.current ?? '', text: message.text }),
              );
            }
            break;
          }
          case 'transcript':
            setTranscriptSentTo(frame.email);
            announce(t('contactChat.panel.transcriptSent', { email: frame.email }));
            break;
          case 'ack':
            setPending((list) => list.filter((p) => p.clientId !== frame.clientId));
            break;
          case 'typing':
            setTyping(true);
            window.setTimeout(() => setTyping(false), 4000);
            break;
          case 'closed':
            setPhase('closed');
            // The socket stays open a little longer so the citizen can still ask for the transcript.
            sessionStorage.removeItem(TOKEN_KEY);
            announce(t('contactChat.panel.closed'));
            break;
          case 'error':
            setError(frame.message);
            if (frame.code === 'unknown_chat') {
              sessionStorage.removeItem(TOKEN_KEY);
              setPhase('idle');
            }
            break;
        }
      };
      socket.onclose = () => {
        if (socketRef.current !== socket) return;
        socketRef.current = null;
        const token = sessionStorage.getItem(TOKEN_KEY);
        if (!token) return;
        // Back off up to 10 s; the server keeps the queue place, so nothing is lost while away.
        const delay = Math.min(10_000, 500 * 2 ** retry.current++);
        window.setTimeout(() => connect(token), delay);
      };
    },
    [announce, t],
  );

  // A chat started before a reload resumes by itself (once, on mount; later frames go through refs).
  // biome-ignore lint/correctness/useExhaustiveDependencies: connecting again on every render would drop the socket.
  useEffect(() => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token && !socketRef.current) {
      setPhase('starting');
      connect(token);
    }
    return () => {
      const socket = socketRef.current;
      socketRef.current = null;
      socket?.close();
    };
  }, []);

  const start = async () => {
    setError(null);
    setPhase('starting');
    announce(t('contactChat.panel.determining'));
    try {
      const started = await api.post<StartResponse>('/api/contact/chats', {
        topic,
        locale: i18n.language === 'en' ? 'en' : 'nl',
      });
      sessionStorage.setItem(TOKEN_KEY, started.resumeToken);
      connect(started.resumeToken);
    } catch (caught) {
      setPhase('idle');
      setError(caught instanceof ApiError ? caught.message : t('contactChat.panel.failed'));
      if (caught instanceof ApiError && caught.code.startsWith('CHAT_')) setOfferEmail(true);
    }
  };

  const sendMessage = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    const item = { clientId: newClientId(), text };
    setPending((list) => [...list, item]);
    setDraft('');
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'message', ...item }));
  };

  const end = () => {
    socketRef.current?.send(JSON.stringify({ type: 'end' }));
  };

  const minutes = estimate === null ? null : Math.max(1, Math.round(estimate / 60));

  return (
    <div className="chat-panel">
      {/* One polite region, filled with the latest news only: the history is never re-read. */}
      <div className="chat-panel__live" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {phase === 'idle' || phase === 'starting' ? (
        <>
          <p>{t('contactChat.panel.intro')}</p>
          {phase === 'starting' ? <p>{t('contactChat.panel.determining')}</p> : null}
          <Button onPress={start} isDisabled={phase === 'starting'}>
            {t('contactChat.panel.start')}
          </Button>
        </>
      ) : null}
      {phase === 'waiting' ? (
        <div className="chat-panel__queue">
          <p className="chat-panel__position">
            {position ? t('contactChat.panel.position', { position }) : t('contactChat.panel.determining')}
          </p>
          <p>
            {minutes === null
              ? t('contactChat.panel.noEstimate')
              : t('contactChat.panel.estimate', { count: minutes })}
          </p>
        </div>
      ) : null}
      {offerEmail && phase !== 'active' && phase !== 'closed' ? (
        <p className="chat-panel__hint">{t('contactChat.panel.offerEmail')}</p>
      ) : null}
      {phase === 'active' ? <p>{t('contactChat.panel.assigned', { name: agentName ?? '' })}</p> : null}
      {messages.length > 0 || pending.length > 0 ? (
        <ol className="chat-panel__messages" aria-label={t('contactChat.panel.history')}>
          {messages.map((m) => (
            <li key={m.id} className={`chat-panel__message chat-panel__message--${m.sender}`}>
              <span className="chat-panel__sender">
                {m.sender === 'citizen'
                  ? t('contactChat.panel.you')
                  : (agentName ?? t('contactChat.panel.agent'))}
              </span>{' '}
              {m.text}
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.clientId} className="chat-panel__message chat-panel__message--pending">
              <span className="chat-panel__sender">{t('contactChat.panel.sending')}</span> {p.text}
            </li>
          ))}
        </ol>
      ) : null}
      {typing ? <p className="chat-panel__typing">{t('contactChat.panel.typing')}</p> : null}
      {phase === 'waiting' || phase === 'active' ? (
        <form onSubmit={sendMessage} className="chat-panel__form">
          <label htmlFor={inputId}>{t('contactChat.panel.message')}</label>
          <textarea
            id={inputId}
            value={draft}
            maxLength={MAX_MESSAGE}
            rows={3}
            onChange={(event) => {
              setDraft(event.target.value);
              if (phase === 'active') socketRef.current?.send(JSON.stringify({ type: 'typing' }));
            }}
          />
          <div className="chat-panel__actions">
            <Button type="submit">{t('contactChat.panel.send')}</Button>
            <Button variant="secondary" onPress={end}>
              {t('contactChat.panel.end')}
            </Button>
          </div>
        </form>
      ) : null}
      {phase === 'closed' ? (
        <>
          <p>{t('contactChat.panel.closed')}</p>
          {transcriptSentTo ? (
            <p>{t('contactChat.panel.transcriptSent', { email: transcriptSentTo })}</p>
          ) : (
            <form
              className="chat-panel__form"
              onSubmit={(event) => {
                event.preventDefault();
                socketRef.current?.send(
                  JSON.stringify({ type: 'transcript', email: transcriptEmail.trim() }),
                );
              }}
            >
              <label htmlFor={emailId}>{t('contactChat.panel.transcriptEmail')}</label>
              <input
                id={emailId}
                type="email"
                autoComplete="email"
                value={transcriptEmail}
                onChange={(event) => setTranscriptEmail(event.target.value)}
              />
              <Button type="submit">{t('contactChat.panel.transcriptSend')}</Button>
            </form>
          )}
        </>
      ) : null}
    </div>
  );
}
