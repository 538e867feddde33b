import { useQuery } from '@tanstack/react-query';
import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MAX_CHAT_MESSAGE_LENGTH } from '../../../../shared/api/contact-chat';
import { api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { LiveRegion, useThrottledAnnouncer } from './announcer';
import { FeedbackAfterChat } from './FeedbackAfterChat';
import { type Sender, useCitizenChat } from './useCitizenChat';
import { useInView } from './useInView';
import './chat.css';

// Same limits as the chat's contract; the server stays the judge.
const MAX_MESSAGE = MAX_CHAT_MESSAGE_LENGTH;
const MAX_NAME = 100;

/**
 * "Chat met ons": starts a chat, shows the live queue place and estimate, then the conversation. The chat's
 * state and socket live in `useCitizenChat`; this component renders them and keeps the form fields, the focus
 * and the dock shown while the chat is out of sight. When the chat cannot help (closed, queue full, wait too
 * long) it offers the e-mail form (`onUseEmail`); `onAttention` asks the page to show the panel (an agent
 * took the chat while it was collapsed).
 */
export function ChatPanel({ onUseEmail, onAttention }: { onUseEmail: () => void; onAttention: () => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [topic, setTopic] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [draft, setDraft] = useState('');
  const [transcriptEmail, setTranscriptEmail] = useState('');
  const { text: announcement, announce } = useThrottledAnnouncer();
  const listRef = useRef<HTMLOListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Out of sight (scrolled away or collapsed), the chat shows a small dock with its news and a way back.
  const { inView, unseen, noteNews } = useInView(rootRef);
  const chat = useCitizenChat({ announce, onAttention, onIncoming: noteNews });
  const {
    phase,
    position,
    estimate,
    offerEmail,
    agentName,
    messages,
    pending,
    error,
    typing,
    connected,
    transcriptAddress,
    transcriptSentTo,
    feedbackToken,
  } = chat.state;

  const queues = useQuery({
    queryKey: ['contact', 'chat-queues'],
    queryFn: () => api.contactChat.queues(),
    enabled: phase === 'idle',
  });
  const openQueues = (queues.data ?? []).filter((q) => q.open);
  const allClosed = queues.isSuccess && openQueues.length === 0;

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
    const started = await chat.start({
      topic: topic ?? openQueues[0]?.key ?? 'algemeen',
      locale: i18n.language === 'en' ? 'en' : 'nl',
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(transcriptEmail.trim() ? { transcriptEmail: transcriptEmail.trim() } : {}),
    });
    if (started) startedHere.current = true;
  };

  const submitMessage = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    chat.send(text);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submitMessage();
    }
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
              chat.signalTyping();
            }}
          />
          <div className="chat-panel__actions">
            <Button type="submit">{t('contactChat.panel.send')}</Button>
            <Button variant="secondary" onPress={chat.end}>
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
                <Button onPress={chat.requestTranscript}>
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
            <Button variant="secondary" onPress={chat.restart}>
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
