import { useQuery } from '@tanstack/react-query';
import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MAX_CHAT_MESSAGE_LENGTH } from '../../../../shared/api/contact-chat';
import { ApiError, api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { LiveRegion, useThrottledAnnouncer } from './announcer';
import { clearChatToken, readChatToken, storeChatToken } from './chat-token';
import { FeedbackAfterChat } from './FeedbackAfterChat';
import './chat.css';

// Same limits as the chat's contract; the server stays the judge.
const MAX_MESSAGE = MAX_CHAT_MESSAGE_LENGTH;
const MAX_NAME = 100;
// Screen readers hear the queue place at most this often (the latest one, never a stale one).
const QUEUE_ANNOUNCE_MS = 15_000;
// The agent sees "typing…" for a while after each signal; the citizen's browser signals at most this often.
const TYPING_SHOWN_MS = 4000;
const TYPING_SIGNAL_MS = 2500;

type Sender = 'citizen' | 'agent' | 'system';
type Message = { id: number; clientId: string; sender: Sender; text: string };
type Pending = { clientId: string; text: string };
type Phase = 'idle' | 'starting' | 'waiting' | 'active' | 'closed';

/**
 * "Chat met ons": starts a chat, shows the live queue place and estimate, then the conversation. The resume
 * token lives in sessionStorage, so a reload or a dropped connection resumes the same place or chat; unsent
 * messages keep their client id and are sent again until the server acknowledges them (stored once).
 * When the chat cannot help (closed, queue full, wait too long) it offers the e-mail form (`onUseEmail`);
 * `onAttention` asks the page to show the panel (an agent took the chat while it was collapsed).
 */
export function ChatPanel({ onUseEmail, onAttention }: { onUseEmail: () => void; onAttention: () => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [phase, setPhase] = useState<Phase>(() => (readChatToken() ? 'starting' : 'idle'));
  const [topic, setTopic] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [position, setPosition] = useState<number | null>(null);
  const [estimate, setEstimate] = useState<number | null>(null);
  const [offerEmail, setOfferEmail] = useState(false);
  const [agentName, setAgentName] = useState<string | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  const [connected, setConnected] = useState(true);
  // The address given at the start is the only one the transcript can be mailed to, once.
  const [transcriptEmail, setTranscriptEmail] = useState('');
  const [transcriptAddress, setTranscriptAddress] = useState<string | null>(null);
  const [transcriptSentTo, setTranscriptSentTo] = useState<string | null>(null);
  const [confirmEvery, setConfirmEvery] = useState<number | null>(null);
  const [feedbackToken, setFeedbackToken] = useState<string | null>(null);
  const { text: announcement, announce } = useThrottledAnnouncer();

  const socketRef = useRef<WebSocket | null>(null);
  const pendingRef = useRef<Pending[]>([]);
  const retry = useRef(0);
  const agentNameRef = useRef<string | null>(null);
  const typingTimer = useRef<number | undefined>(undefined);
  const lastTypingSignal = useRef(0);
  const queueAnnounce = useRef<{ last: number; text: string | null; timer?: number }>({
    last: 0,
    text: null,
  });
  const listRef = useRef<HTMLOListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(true);
  const inViewRef = useRef(true);
  const [unseen, setUnseen] = useState(0);
  agentNameRef.current = agentName;
  pendingRef.current = pending;
  const onAttentionRef = useRef(onAttention);
  onAttentionRef.current = onAttention;

  const queues = useQuery({
    queryKey: ['contact', 'chat-queues'],
    queryFn: () => api.contactChat.queues(),
    enabled: phase === 'idle',
  });
  const openQueues = (queues.data ?? []).filter((q) => q.open);
  const allClosed = queues.isSuccess && openQueues.length === 0;

  /** The queue place is announced at once the first time, then at most every QUEUE_ANNOUNCE_MS, the latest. */
  const announceQueue = useCallback(
    (text: string) => {
      const state = queueAnnounce.current;
      state.text = text;
      if (state.timer !== undefined) return;
      const wait = Math.max(0, state.last + QUEUE_ANNOUNCE_MS - Date.now());
      state.timer = window.setTimeout(() => {
        state.timer = undefined;
        if (state.text === null) return;
        state.last = Date.now();
        announce(state.text);
        state.text = null;
      }, wait);
    },
    [announce],
  );
  const stopQueueAnnouncements = useCallback(() => {
    window.clearTimeout(queueAnnounce.current.timer);
    queueAnnounce.current = { last: 0, text: null };
  }, []);

  const queueText = useCallback(
    (pos: number | null, seconds: number | null) => {
      if (!pos) return t('contactChat.panel.determining');
      if (seconds === null)
        return `${t('contactChat.panel.position', { position: pos })} ${t('contactChat.panel.noEstimate')}`;
      return t('contact.widget.positionEstimate', {
        position: pos,
        count: Math.max(1, Math.round(seconds / 60)),
      });
    },
    [t],
  );

  // The socket's handlers live as long as the socket: they read the current language through this ref.
  const latest = useRef({ t, queueText });
  latest.current = { t, queueText };

  const connect = useCallback(
    (token: string) => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(
        `${scheme}://${window.location.host}/ws/chat/citizen?token=${encodeURIComponent(token)}`,
      );
      socketRef.current = socket;
      socket.onopen = () => {
        retry.current = 0;
        setConnected(true);
        // Unacknowledged messages go again with the same client id: the server stores each one once.
        for (const item of pendingRef.current)
          socket.send(JSON.stringify({ type: 'message', clientId: item.clientId, text: item.text }));
      };
      socket.onmessage = (event) => {
        const frame = JSON.parse(String(event.data));
        switch (frame.type) {
          case 'state': {
            // The full picture after (re)connecting: replaces what we had, so nothing shows twice.
            const list = frame.messages as Message[];
            setMessages(list);
            setPending((items) => items.filter((p) => !list.some((m) => m.clientId === p.clientId)));
            setPhase(frame.status);
            setPosition(frame.position);
            setEstimate(frame.estimatedWaitSeconds);
            setOfferEmail(!!frame.offerEmail);
            setAgentName(frame.agentName);
            setConfirmEvery(typeof frame.confirmEverySeconds === 'number' ? frame.confirmEverySeconds : null);
            setTranscriptAddress(frame.transcript?.email ?? null);
            setTranscriptSentTo(frame.transcript?.sent ? frame.transcript.email : null);
            if (frame.status === 'waiting')
              announceQueue(latest.current.queueText(frame.position, frame.estimatedWaitSeconds));
            if (frame.status === 'closed') clearChatToken();
            break;
          }
          case 'queue':
            setPhase('waiting');
            setPosition(frame.position);
            setEstimate(frame.estimatedWaitSeconds);
            setOfferEmail(!!frame.offerEmail);
            announceQueue(latest.current.queueText(frame.position, frame.estimatedWaitSeconds));
            break;
          case 'assigned':
            stopQueueAnnouncements();
            setPhase('active');
            setAgentName(frame.agentName);
            announce(latest.current.t('contactChat.panel.assigned', { name: frame.agentName }));
            onAttentionRef.current();
            break;
          case 'message': {
            const message = frame.message as Message;
            setMessages((list) => (list.some((m) => m.id === message.id) ? list : [...list, message]));
            setPending((list) => list.filter((p) => p.clientId !== message.clientId));
            if (message.sender !== 'citizen') {
              setTyping(false);
              if (!inViewRef.current) setUnseen((n) => n + 1);
              announce(
                latest.current.t('contactChat.panel.newMessage', {
                  name:
                    message.sender === 'agent'
                      ? (agentNameRef.current ?? latest.current.t('contactChat.panel.agent'))
                      : '1700',
                  text: message.text,
                }),
              );
            }
            break;
          }
          case 'transcript':
            setTranscriptSentTo(frame.email);
            announce(latest.current.t('contactChat.panel.transcriptSent', { email: frame.email }));
            break;
          case 'ack': {
            // The acknowledgement carries the stored message (the sending tab gets no separate echo).
            const message = frame.message as Message | undefined;
            if (message)
              setMessages((list) => (list.some((m) => m.id === message.id) ? list : [...list, message]));
            setPending((list) => list.filter((p) => p.clientId !== frame.clientId));
            break;
          }
          case 'typing':
            setTyping(true);
            window.clearTimeout(typingTimer.current);
            typingTimer.current = window.setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
            break;
          case 'closed':
            stopQueueAnnouncements();
            setPhase('closed');
            setTyping(false);
            if (typeof frame.feedbackToken === 'string') setFeedbackToken(frame.feedbackToken);
            // The socket stays open so the citizen can still ask for the transcript.
            clearChatToken();
            announce(latest.current.t('contactChat.panel.closed'));
            break;
          case 'error':
            setError(frame.message);
            if (frame.code === 'unknown_chat') {
              clearChatToken();
              setPhase('idle');
            }
            break;
        }
      };
      socket.onclose = () => {
        if (socketRef.current !== socket) return;
        socketRef.current = null;
        const stored = readChatToken();
        if (!stored) return;
        setConnected(false);
        // Back off up to 10 s; the server keeps the queue place and the chat, so nothing is lost meanwhile.
        const delay = Math.min(10_000, 500 * 2 ** retry.current++);
        window.setTimeout(() => {
          if (!socketRef.current && readChatToken() === stored) connect(stored);
        }, delay);
      };
    },
    [announce, announceQueue, stopQueueAnnouncements],
  );

  // A chat started before a reload resumes by itself (once, on mount; later frames go through refs).
  // biome-ignore lint/correctness/useExhaustiveDependencies: connecting again on every render would drop the socket.
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
  }, []);

  // While waiting, the widget says "still here" as often as the server asks: a place whose page says nothing
  // (closed laptop, a script holding places) is given up after a while.
  useEffect(() => {
    if (phase !== 'waiting' || !connected || !confirmEvery) return;
    const timer = window.setInterval(() => {
      const socket = socketRef.current;
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'present' }));
    }, confirmEvery * 1000);
    return () => window.clearInterval(timer);
  }, [phase, connected, confirmEvery]);

  // Out of sight (scrolled away or collapsed), the chat shows a small dock with its news and a way back.
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      const visible = entry?.isIntersecting ?? true;
      inViewRef.current = visible;
      setInView(visible);
      if (visible) setUnseen(0);
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  // The message form goes when the chat ends; focus that was in it moves to the closing note, not to the page.
  const closedRef = useRef<HTMLParagraphElement>(null);
  const queueRef = useRef<HTMLParagraphElement>(null);
  const panelTitleRef = useRef<HTMLHeadingElement>(null);
  // The start form goes once the chat starts: the focus moves to the queue place (or, when an agent was free
  // at once, to the chat's title), not to the page.
  const startedHere = useRef(false);
  useEffect(() => {
    if (!startedHere.current || (phase !== 'waiting' && phase !== 'active')) return;
    startedHere.current = false;
    (phase === 'waiting' ? queueRef.current : panelTitleRef.current)?.focus();
  }, [phase]);
  const previousPhase = useRef(phase);
  useEffect(() => {
    const ended = phase === 'closed' && previousPhase.current !== 'closed';
    previousPhase.current = phase;
    if (ended && document.activeElement === document.body) closedRef.current?.focus();
  }, [phase]);

  const goToChat = () => {
    onAttention();
    window.setTimeout(() => {
      rootRef.current?.scrollIntoView({ block: 'center' });
      document.getElementById(inputId)?.focus();
    }, 50);
  };

  // The newest message stays in view; the list itself is not re-read (it is not a live region).
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the lists change.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length, pending.length]);

  const start = async (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    setOfferEmail(false);
    setPhase('starting');
    announce(t('contactChat.panel.determining'));
    try {
      const started = await api.contactChat.start({
        body: {
          topic: topic ?? openQueues[0]?.key ?? 'algemeen',
          locale: i18n.language === 'en' ? 'en' : 'nl',
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(transcriptEmail.trim() ? { transcriptEmail: transcriptEmail.trim() } : {}),
        },
      });
      storeChatToken(started.resumeToken);
      connect(started.resumeToken);
      startedHere.current = true;
    } catch (caught) {
      setPhase('idle');
      const message = caught instanceof ApiError ? caught.message : t('contactChat.panel.failed');
      setError(message);
      announce(message);
      if (caught instanceof ApiError && caught.code.startsWith('CHAT_')) setOfferEmail(true);
    }
  };

  const send = (text: string) => {
    const item = { clientId: crypto.randomUUID(), text };
    setPending((list) => [...list, item]);
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'message', ...item }));
  };

  const submitMessage = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    send(text);
    setDraft('');
    lastTypingSignal.current = 0;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submitMessage();
    }
  };

  const signalTyping = () => {
    if (phase !== 'active' || Date.now() - lastTypingSignal.current < TYPING_SIGNAL_MS) return;
    lastTypingSignal.current = Date.now();
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'typing' }));
  };

  const end = () => {
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'end' }));
  };

  const restart = () => {
    socketRef.current?.close();
    socketRef.current = null;
    setMessages([]);
    setPending([]);
    setTranscriptSentTo(null);
    setTranscriptAddress(null);
    setFeedbackToken(null);
    setAgentName(null);
    setError(null);
    setPhase('idle');
  };

  /** The conversation as a plain-text file the citizen saves: no mail, no address needed. */
  const download = () => {
    const lines = messages.map((m) => `${speaker(m.sender)} ${m.text}`);
    const blob = new Blob([`${t('contactChat.panel.history')}\n\n${lines.join('\n')}\n`], {
      type: 'text/plain;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${t('contactChat.panel.downloadName')}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const minutes = estimate === null ? null : Math.max(1, Math.round(estimate / 60));
  const speaker = (sender: Sender) =>
    sender === 'citizen'
      ? t('contactChat.panel.you')
      : sender === 'system'
        ? t('contact.widget.system')
        : `${agentName ?? t('contactChat.panel.agent').replace(/:$/, '')}:`;
  // While every queue is closed: the service's own text (or the standard one), then when it opens again.
  const closedQueue = allClosed
    ? [...(queues.data ?? [])].sort((a, b) =>
        (a.nextOpening ?? '9999').localeCompare(b.nextOpening ?? '9999'),
      )[0]
    : undefined;
  const closedText =
    (i18n.language === 'en' ? closedQueue?.closedTextEn : closedQueue?.closedTextNl) ??
    t('contact.widget.closed');
  const nextOpening = closedQueue?.nextOpening
    ? describeOpening(closedQueue.nextOpening, i18n.language, t)
    : null;
  const emailOffer = (
    <div className="chat-panel__offer">
      <p>{t('contact.widget.closedOffer')}</p>
      <Button variant="secondary" onPress={onUseEmail}>
        {t('contact.widget.useEmail')}
      </Button>
    </div>
  );

  return (
    <div className="chat-panel" ref={rootRef}>
      {/* One polite, throttled region with the latest news only: the history is never re-read. */}
      <LiveRegion text={announcement} />
      <h3 className="chat-panel__title" ref={panelTitleRef} tabIndex={-1}>
        {t('contact.widget.title')}
      </h3>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {!connected && phase !== 'closed' ? (
        <p className="chat-panel__hint">{t('contact.widget.reconnecting')}</p>
      ) : null}

      {phase === 'idle' ? (
        allClosed ? (
          <>
            <p>{closedText}</p>
            {nextOpening ? <p className="chat-panel__next-opening">{nextOpening}</p> : null}
            {emailOffer}
          </>
        ) : (
          <form className="chat-panel__form" onSubmit={start}>
            <p>{t('contactChat.panel.intro')}</p>
            {openQueues.length > 1 ? (
              <Select
                label={t('contact.widget.topic')}
                options={openQueues.map((q) => ({
                  id: q.key,
                  label: i18n.language === 'en' ? q.nameEn : q.nameNl,
                }))}
                selectedKey={topic ?? openQueues[0]!.key}
                onSelectionChange={(key) => setTopic(key === null ? null : String(key))}
              />
            ) : null}
            <TextField
              label={t('contact.widget.name')}
              name="chat-name"
              autoComplete="name"
              maxLength={MAX_NAME}
              value={name}
              onChange={setName}
            />
            <TextField
              label={t('contactChat.panel.transcriptEmail')}
              name="chat-transcript-email"
              type="email"
              autoComplete="email"
              maxLength={254}
              value={transcriptEmail}
              onChange={setTranscriptEmail}
            />
            <div className="chat-panel__actions">
              <Button type="submit">{t('contactChat.panel.start')}</Button>
            </div>
            {offerEmail ? emailOffer : null}
          </form>
        )
      ) : null}

      {phase === 'starting' ? (
        <p className="chat-panel__position">{t('contactChat.panel.determining')}</p>
      ) : null}

      {phase === 'waiting' ? (
        <div className="chat-panel__queue">
          <p className="chat-panel__position" ref={queueRef} tabIndex={-1}>
            {position ? t('contactChat.panel.position', { position }) : t('contactChat.panel.determining')}
          </p>
          <p>
            {minutes === null
              ? t('contactChat.panel.noEstimate')
              : t('contactChat.panel.estimate', { count: minutes })}
          </p>
          {offerEmail ? (
            <>
              <p className="chat-panel__hint">{t('contactChat.panel.offerEmail')}</p>
              <Button variant="secondary" onPress={onUseEmail}>
                {t('contact.widget.useEmail')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}

      {phase === 'active' ? (
        <p className="chat-panel__agent">{t('contactChat.panel.assigned', { name: agentName ?? '' })}</p>
      ) : null}

      {messages.length > 0 || pending.length > 0 ? (
        // Focusable so keyboard users can scroll a long conversation.
        <ol
          ref={listRef}
          className="chat-panel__messages"
          aria-label={t('contactChat.panel.history')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
        >
          {messages.map((m) => (
            <li key={m.id} className={`chat-panel__message chat-panel__message--${m.sender}`}>
              <span className="chat-panel__sender">{speaker(m.sender)}</span> {m.text}
            </li>
          ))}
          {pending.map((p) => (
            <li
              key={p.clientId}
              className="chat-panel__message chat-panel__message--citizen chat-panel__message--pending"
            >
              <span className="chat-panel__sender">{t('contactChat.panel.sending')}</span> {p.text}
            </li>
          ))}
        </ol>
      ) : null}
      {typing && phase === 'active' ? (
        <p className="chat-panel__typing">{t('contactChat.panel.typing')}</p>
      ) : null}

      {phase === 'waiting' || phase === 'active' ? (
        <form onSubmit={submitMessage} className="chat-panel__form">
          <label htmlFor={inputId} className="field__label">
            {t('contactChat.panel.message')}
          </label>
          <p id={hintId} className="field__description">
            {t('contact.widget.enterHint')}
          </p>
          <textarea
            id={inputId}
            className="chat-panel__input"
            aria-describedby={hintId}
            value={draft}
            maxLength={MAX_MESSAGE}
            rows={3}
            onKeyDown={onKeyDown}
            onChange={(event) => {
              setDraft(event.target.value);
              signalTyping();
            }}
          />
          <div className="chat-panel__actions">
            <Button type="submit">{t('contactChat.panel.send')}</Button>
            <Button variant="secondary" onPress={end}>
              {phase === 'waiting' ? t('contact.widget.leaveQueue') : t('contactChat.panel.end')}
            </Button>
          </div>
        </form>
      ) : null}

      {phase === 'closed' ? (
        <div className="chat-panel__closed">
          <p ref={closedRef} tabIndex={-1} className="chat-panel__closed-note">
            {t('contactChat.panel.closed')}
          </p>
          {transcriptSentTo ? (
            <p role="status">{t('contactChat.panel.transcriptSent', { email: transcriptSentTo })}</p>
          ) : null}
          {messages.length > 0 ? (
            <div className="chat-panel__actions">
              {transcriptAddress && !transcriptSentTo ? (
                <Button onPress={() => socketRef.current?.send(JSON.stringify({ type: 'transcript' }))}>
                  {t('contactChat.panel.transcriptSendTo', { email: transcriptAddress })}
                </Button>
              ) : null}
              <Button variant="secondary" onPress={download}>
                {t('contactChat.panel.download')}
              </Button>
            </div>
          ) : null}
          {feedbackToken ? <FeedbackAfterChat token={feedbackToken} /> : null}
          <div className="chat-panel__actions">
            <Button variant="secondary" onPress={restart}>
              {t('contactChat.panel.start')}
            </Button>
          </div>
        </div>
      ) : null}

      {!inView && (phase === 'waiting' || phase === 'active')
        ? createPortal(
            <aside className="chat-dock" aria-label={t('contact.widget.dock')}>
              <p className="chat-dock__news">
                {phase === 'waiting'
                  ? position
                    ? t('contactChat.panel.position', { position })
                    : t('contactChat.panel.determining')
                  : t('contactChat.panel.assigned', { name: agentName ?? '' })}
                {unseen > 0 ? ` ${t('contact.widget.unseen', { count: unseen })}` : ''}
              </p>
              <Button className="btn--small" onPress={goToChat}>
                {t('contact.widget.goToChat')}
              </Button>
            </aside>,
            document.body,
          )
        : null}
    </div>
  );
}

/**
 * "maandag om 9.00 uur" in Brussels time (the service's clock, wherever the citizen is): today and tomorrow by
 * name, the coming week by weekday, later with the date.
 */
function describeOpening(
  iso: string,
  language: string,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const at = new Date(iso);
  const locale = language === 'en' ? 'en-GB' : 'nl-BE';
  const zone = 'Europe/Brussels';
  const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);
  const daysAhead = Math.round(
    (Date.parse(`${dayOf(at)}T00:00:00Z`) - Date.parse(`${dayOf(new Date())}T00:00:00Z`)) / 86_400_000,
  );
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const time = language === 'en' ? `${String(hour).padStart(2, '0')}:${minute}` : `${hour}.${minute}`;
  if (daysAhead <= 0) return t('contact.widget.nextOpeningToday', { time });
  if (daysAhead === 1) return t('contact.widget.nextOpeningTomorrow', { time });
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    ...(daysAhead > 6 ? { day: 'numeric', month: 'long' } : {}),
  }).format(at);
  return t('contact.widget.nextOpening', { day, time });
}
