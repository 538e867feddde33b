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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type contactChatApi, MAX_CHAT_MESSAGE_LENGTH } from '../../../../shared/api/contact-chat';
import type { RouteOutput } from '../../../../shared/api/contract';
import { api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { Select } from '../../../ui/Select';
import { Tab, TabList, TabPanel, Tabs } from '../../../ui/Tabs';
import { LiveRegion, useThrottledAnnouncer } from '../chat/announcer';
import '../contact.css';
import './console.css';
import { CannedPicker } from '../canned/CannedPicker';
import { type CannedAnswer, cannedByShortcut, cannedFor, fillCanned } from '../canned/fill';
import { type AgentStatus, type ConsoleChat, type ConsoleEvent, useAgentSocket } from './useAgentSocket';

type ConsoleInfo = RouteOutput<typeof contactChatApi.routes.console>;
type Queue = RouteOutput<typeof contactChatApi.routes.queues>[number];

// Same list as the e-mail tickets, so reports count chats and e-mails alike.
const CATEGORIES = ['information', 'referral', 'complaint', 'suggestion', 'other'] as const;
const STATUSES: AgentStatus[] = ['available', 'away', 'offline'];
const CAPACITIES = [1, 2, 3, 4, 5];
const MAX_MESSAGE = MAX_CHAT_MESSAGE_LENGTH;

/**
 * The 1700 agent's chat console: status and capacity, the agent's queues, and the chats routed to them as
 * tabs — messages, internal notes, canned answers, transfer and close with a category. News is announced
 * through one polite, throttled live region; the history itself is never re-read.
 */
export function AgentConsolePage() {
  const { t, i18n } = useTranslation();
  const { text: announcement, announce } = useThrottledAnnouncer();
  const nameOf = (chat: ConsoleChat) => chat.citizenName ?? t('contact.console.citizen', { id: chat.chatId });
  const onEvent = (event: ConsoleEvent) => {
    const name = nameOf(event.chat);
    if (event.type === 'assigned') announce(t('contact.console.announce.assigned', { name }));
    else if (event.type === 'message' && event.message.sender === 'citizen')
      announce(t('contact.console.announce.message', { name, text: event.message.text }));
    else if (event.type === 'transferred') announce(t('contact.console.announce.transferred', { name }));
    else if (event.type === 'closed') announce(t('contact.console.announce.closed', { name }));
  };
  const agent = useAgentSocket(onEvent);
  const { state } = agent;
  const info = useQuery({
    queryKey: ['contact', 'console'],
    queryFn: () => api.contactChat.console(),
    refetchInterval: 5000,
  });
  // Every topic's queue, for transfers: a chat may go to a queue this agent does not serve.
  const allQueues = useQuery({
    queryKey: ['contact', 'chat-queues'],
    queryFn: () => api.contactChat.queues(),
  });
  const canned = useQuery({
    queryKey: ['contact', 'canned-answers'],
    queryFn: () => api.contactChat.cannedAnswers(),
  });
  const queueName = (q: { nameNl: string; nameEn: string }) => (i18n.language === 'en' ? q.nameEn : q.nameNl);
  const status = state.status ?? 'away';
  const unread = state.chats.reduce((sum, chat) => sum + chat.unread, 0);
  // A chat that leaves the list (closed, transferred) takes its focused controls along: focus goes to the list.
  const chatsHeading = useRef<HTMLHeadingElement>(null);
  const chatCount = state.chats.length;
  const previousCount = useRef(chatCount);
  useEffect(() => {
    const fewer = chatCount < previousCount.current;
    previousCount.current = chatCount;
    if (fewer && document.activeElement === document.body) chatsHeading.current?.focus();
  }, [chatCount]);

  return (
    <div className="agent-console">
      {/* The browser tab shows how many citizen messages wait to be read, for agents working elsewhere. */}
      <PageTitle
        title={unread > 0 ? t('contact.console.titleUnread', { count: unread }) : t('contact.console.title')}
      >
        {t('contact.console.title')}
      </PageTitle>
      <LiveRegion text={announcement} />
      <div className="agent-console__grid">
        <aside className="agent-console__side" aria-label={t('contact.console.status')}>
          <p
            role="status"
            className={`agent-console__connection agent-console__connection--${state.connection}`}
          >
            {t(`contact.console.connection.${state.connection}`)}
          </p>
          <Select
            label={t('contact.console.status')}
            description={t('contact.console.statusHint')}
            options={STATUSES.map((s) => ({ id: s, label: t(`contact.console.statuses.${s}`) }))}
            selectedKey={state.connection === 'offline' ? 'offline' : status}
            onSelectionChange={(key) => agent.setStatus(String(key) as AgentStatus)}
          />
          <Select
            label={t('contact.console.capacity')}
            options={CAPACITIES.map((n) => ({ id: n, label: String(n) }))}
            selectedKey={state.capacity}
            isDisabled={state.connection !== 'connected'}
            onSelectionChange={(key) => agent.setStatus(status === 'offline' ? 'away' : status, Number(key))}
          />
          <p className="agent-console__muted">
            {t('contact.console.load', {
              active: state.chats.filter((c) => !c.closed).length,
              capacity: state.capacity,
            })}
          </p>
          <section aria-labelledby="console-queues" className="agent-console__queues">
            <h2 id="console-queues" className="agent-console__heading">
              {t('contact.console.queues')}
            </h2>
            {info.data && info.data.queues.length === 0 ? <p>{t('contact.console.noQueues')}</p> : null}
            <ul>
              {info.data?.queues.map((q) => (
                <li key={q.id}>
                  <span className="agent-console__queue-name">{queueName(q)}</span>{' '}
                  <span className="agent-console__muted">
                    {t('contact.console.waiting', { count: q.waiting })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <p>
            <Link to="/1700/e-mails">{t('contact.console.emails')}</Link>
          </p>
          <p>
            <Link to="/1700/mijn-cijfers">{t('contactSupervisor.agents.mineNav')}</Link>
          </p>
        </aside>

        <section aria-labelledby="console-chats" className="agent-console__main">
          <h2 id="console-chats" className="agent-console__heading" ref={chatsHeading} tabIndex={-1}>
            {t('contact.console.chats')}
          </h2>
          {state.error ? <Alert tone="error">{state.error.message}</Alert> : null}
          {state.chats.length === 0 ? (
            <p>{t('contact.console.noChats')}</p>
          ) : (
            <Tabs
              selectedKey={state.activeChatId ?? undefined}
              onSelectionChange={(key) => agent.select(Number(key))}
            >
              <TabList aria-label={t('contact.console.chats')}>
                {state.chats.map((chat) => (
                  <Tab key={chat.chatId} id={chat.chatId}>
                    {nameOf(chat)}
                    {chat.closed ? ` · ${t('contact.console.closed')}` : ''}
                    {chat.unread > 0 ? (
                      <span className="agent-console__badge">
                        {t('contact.console.unread', { count: chat.unread })}
                      </span>
                    ) : null}
                  </Tab>
                ))}
              </TabList>
              {state.chats.map((chat) => (
                <TabPanel key={chat.chatId} id={chat.chatId} shouldForceMount>
                  <ChatPane
                    chat={chat}
                    name={nameOf(chat)}
                    info={info.data}
                    canned={canned.data ?? []}
                    queues={allQueues.data ?? []}
                    onPost={(kind, text) => agent.post(chat.chatId, kind, text)}
                    onTyping={() => agent.typing(chat.chatId)}
                    onTransfer={(target) => agent.transfer(chat.chatId, target)}
                    onClose={(category) => agent.close(chat.chatId, category)}
                    onDismiss={() => agent.dismiss(chat.chatId)}
                    onRefresh={() => void info.refetch()}
                  />
                </TabPanel>
              ))}
            </Tabs>
          )}
        </section>
      </div>
    </div>
  );
}

function ChatPane({
  chat,
  name,
  info,
  canned,
  queues,
  onPost,
  onTyping,
  onTransfer,
  onClose,
  onDismiss,
  onRefresh,
}: {
  chat: ConsoleChat;
  name: string;
  info: ConsoleInfo | undefined;
  canned: CannedAnswer[];
  queues: Queue[];
  onPost: (kind: 'message' | 'note', text: string) => void;
  onTyping: () => void;
  onTransfer: (target: { toAccountId: number } | { queueKey: string }) => void;
  onClose: (category: string) => void;
  onDismiss: () => void;
  /** Asks for a fresh list of queues and colleagues on duty (when the agent looks for a transfer target). */
  onRefresh: () => void;
}) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState('');
  const [transferTo, setTransferTo] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const queue = info?.queues.find((q) => q.id === chat.queueId);
  const answers = cannedFor(canned, queue?.key);
  const closeHintId = useId();
  const transferHintId = useId();
  const insertCanned = (answer: CannedAnswer) => {
    setDraft(fillCanned(answer, chat.locale, { name: chat.citizenName }).slice(0, MAX_MESSAGE));
    window.setTimeout(() => inputRef.current?.focus(), 0);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the lists change.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [chat.messages.length, chat.pending.length]);

  // A closed chat is read-only: nothing typed is kept for it.
  useEffect(() => {
    if (chat.closed) setDraft('');
  }, [chat.closed]);

  const submit = (kind: 'message' | 'note') => (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    // "/shortcut" puts the answer in the field to adapt; it is sent only on the next Enter.
    const shortcut = cannedByShortcut(answers, text);
    if (shortcut) {
      insertCanned(shortcut);
      return;
    }
    onPost(kind, text);
    setDraft('');
    inputRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit('message')();
    }
  };
  const speaker = (sender: string) =>
    sender === 'citizen'
      ? name
      : sender === 'note'
        ? t('contact.console.note')
        : sender === 'system'
          ? t('contact.console.system')
          : t('contact.console.agent');

  const transferOptions = [
    ...(info?.colleagues ?? []).map((c) => ({
      id: `agent:${c.accountId}`,
      label: t('contact.console.transferColleague', { name: c.displayName, free: c.free }),
    })),
    ...queues.map((q) => ({
      id: `queue:${q.key}`,
      label: t('contact.console.transferQueue', { name: i18n.language === 'en' ? q.nameEn : q.nameNl }),
    })),
  ];

  return (
    <div className="agent-chat">
      <p className="agent-console__muted">
        {queue ? (i18n.language === 'en' ? queue.nameEn : queue.nameNl) : null}
        {chat.locale === 'en' ? ` · ${t('contact.console.english')}` : ''}
      </p>
      <ol
        ref={listRef}
        className="agent-chat__messages"
        aria-label={t('contact.console.history', { name })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
      >
        {chat.messages.map((m) => (
          <li key={m.id} className={`agent-chat__message agent-chat__message--${m.sender}`}>
            <span className="agent-chat__sender">{speaker(m.sender)}:</span> {m.text}
          </li>
        ))}
        {chat.pending.map((p) => (
          <li
            key={p.clientId}
            className={`agent-chat__message agent-chat__message--${p.kind === 'note' ? 'note' : 'agent'} agent-chat__message--pending`}
          >
            <span className="agent-chat__sender">
              {p.kind === 'note' ? t('contact.console.note') : t('contact.console.you')} (
              {t('contact.console.pending')}):
            </span>{' '}
            {p.text}
          </li>
        ))}
      </ol>
      {chat.typing && !chat.closed ? (
        <p className="agent-console__muted agent-chat__typing">{t('contact.console.typing', { name })}</p>
      ) : null}

      {chat.closed ? (
        <div className="agent-chat__closed">
          <p>{t('contact.console.closed')}</p>
          <Button variant="secondary" onPress={onDismiss}>
            {t('contact.console.dismiss')}
          </Button>
        </div>
      ) : (
        <>
          <form className="agent-chat__composer" onSubmit={submit('message')}>
            <CannedPicker queue={queue?.key} onPick={insertCanned} />
            <label htmlFor={inputId} className="field__label">
              {t('contact.console.message')}
            </label>
            <p id={hintId} className="field__description">
              {t('contact.widget.enterHint')} {t('contact.console.noteHint')}{' '}
              {answers.some((a) => a.shortcut) ? t('contact.console.shortcutHint') : null}
            </p>
            <textarea
              ref={inputRef}
              id={inputId}
              className="agent-chat__input"
              aria-describedby={hintId}
              rows={3}
              maxLength={MAX_MESSAGE}
              value={draft}
              onKeyDown={onKeyDown}
              onChange={(event) => {
                setDraft(event.target.value);
                onTyping();
              }}
            />
            <div className="agent-chat__actions">
              <Button type="submit">{t('contact.console.send')}</Button>
              <Button
                variant="secondary"
                className="agent-chat__note-button"
                onPress={() => submit('note')()}
              >
                {t('contact.console.saveNote')}
              </Button>
            </div>
          </form>
          <div className="agent-chat__tools">
            <div className="agent-chat__tool">
              <Select
                label={t('contact.console.transferTo')}
                options={transferOptions}
                selectedKey={transferTo}
                onSelectionChange={(key) => setTransferTo(key === null ? null : String(key))}
                onOpenChange={(open) => open && onRefresh()}
              />
              <Button
                variant="secondary"
                isDisabled={!transferTo}
                aria-describedby={transferTo ? undefined : transferHintId}
                onPress={() => {
                  if (!transferTo) return;
                  const [kind, value] = transferTo.split(':') as [string, string];
                  onTransfer(kind === 'agent' ? { toAccountId: Number(value) } : { queueKey: value });
                  setTransferTo(null);
                }}
              >
                {t('contact.console.transfer')}
              </Button>
              {transferTo ? null : (
                <p id={transferHintId} className="agent-console__muted agent-chat__disabled-reason">
                  {t('contact.console.transferDisabled')}
                </p>
              )}
            </div>
            <div className="agent-chat__tool">
              <Select
                label={t('contact.console.category')}
                options={CATEGORIES.map((c) => ({ id: c, label: t(`contactMail.categories.${c}`) }))}
                selectedKey={category}
                onSelectionChange={(key) => setCategory(key === null ? null : String(key))}
              />
              <Button
                variant="danger"
                isDisabled={!category}
                aria-describedby={category ? undefined : closeHintId}
                onPress={() => category && onClose(category)}
              >
                {t('contact.console.close')}
              </Button>
              {category ? null : (
                <p id={closeHintId} className="agent-console__muted agent-chat__disabled-reason">
                  {t('contact.console.closeDisabled')}
                </p>
              )}
            </div>
          </div>
        </>
      )}
      <EarlierChats chatId={chat.chatId} />
    </div>
  );
}

/**
 * The citizen's earlier chats from the same browser (its chat cookie), in the queues this agent serves. Loaded
 * only when the agent opens the list.
 */
function EarlierChats({ chatId }: { chatId: number }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const earlier = useQuery({
    queryKey: ['contact', 'chat', chatId, 'earlier'],
    queryFn: () => api.contactChat.earlierChats({ params: { chatId } }),
    enabled: open,
  });
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-BE', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    }).format(new Date(iso));
  return (
    <details className="agent-chat__earlier" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('contact.console.earlierTitle')}</summary>
      {earlier.isError ? (
        <p role="alert">{t('contact.console.earlierFailed')}</p>
      ) : !earlier.data ? (
        open ? (
          <p className="loading">{t('contact.widget.loading')}</p>
        ) : null
      ) : earlier.data.items.length === 0 ? (
        <p>{t('contact.console.earlierNone')}</p>
      ) : (
        <ul>
          {earlier.data.items.map((item) => (
            <li key={item.id}>
              {when(item.at)} · {(i18n.language === 'en' ? item.queueNameEn : item.queueNameNl) ?? '—'} ·{' '}
              {t(`contactMail.agent.chatStatuses.${item.status}`, { defaultValue: item.status })}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
