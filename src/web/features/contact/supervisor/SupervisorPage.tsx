import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { bucketOut, historyOut, liveOut } from '../../../../shared/api/contact-supervisor';
import { brusselsDay } from '../../../../shared/brussels-day';
import { ApiError, api } from '../../../app/api';
import { formatNumber } from '../../../app/format';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { type Column, Table } from '../../../ui/Table';
import { FeedbackSummary } from '../feedback/FeedbackSummary';
import { BarChart } from './BarChart';
import { SupervisorNav } from './SupervisorNav';
import { DateField, dayLabel, numericColumn } from './shared';
import './supervisor.css';

/** Polling is only the fallback when the live stream keeps failing (a proxy that buffers it, say). */
const REFRESH_SECONDS = 10;
/** Consecutive stream errors without a frame in between before the board falls back to polling. */
const STREAM_ERRORS_BEFORE_POLLING = 3;
const LIVE_KEY = ['contact', 'supervisor', 'live'] as const;

type Live = z.infer<typeof liveOut>;
type LiveQueue = Live['queues'][number];
type Bucket = z.infer<typeof bucketOut>;
type History = z.infer<typeof historyOut>;

const percent = (share: number | null) =>
  share === null ? '—' : `${formatNumber(Math.round(share * 1000) / 10)} %`;

function duration(seconds: number | null) {
  if (seconds === null) return '—';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

/** /1700/toezicht — what a contact supervisor watches during the day and uses to plan staffing. */
export function SupervisorPage() {
  const { t } = useTranslation();
  return (
    <div className="supervisor">
      <PageTitle>{t('contactSupervisor.title')}</PageTitle>
      <SupervisorNav />
      <LiveBoard />
      <HistoryView />
      <FeedbackSummary showComments />
    </div>
  );
}

type Connection = 'connecting' | 'live' | 'reconnecting' | 'polling';

/**
 * The live board by push: an EventSource on the server's stream writes each frame into the query cache.
 * EventSource reconnects by itself; only after repeated errors without a frame does the page poll instead.
 */
function useLiveBoard() {
  const client = useQueryClient();
  const [connection, setConnection] = useState<Connection>(
    typeof EventSource === 'undefined' ? 'polling' : 'connecting',
  );
  const polling = connection === 'polling';
  useEffect(() => {
    if (polling) return;
    const source = new EventSource(api.contactSupervisor.liveStream.href(), { withCredentials: true });
    let errors = 0;
    source.onmessage = (event: MessageEvent<string>) => {
      errors = 0;
      client.setQueryData<Live>(LIVE_KEY, JSON.parse(event.data) as Live);
      setConnection('live');
    };
    source.onerror = () => {
      errors += 1;
      // A refused stream (403, 429) closes the source for good; a dropped one reconnects by itself.
      if (errors >= STREAM_ERRORS_BEFORE_POLLING || source.readyState === EventSource.CLOSED) {
        source.close();
        setConnection('polling');
      } else setConnection('reconnecting');
    };
    return () => source.close();
  }, [client, polling]);
  const query = useQuery({
    queryKey: LIVE_KEY,
    queryFn: () => api.contactSupervisor.live(),
    // While the stream runs, its frames are the only source: no request at all from the query.
    enabled: polling,
    refetchInterval: polling ? REFRESH_SECONDS * 1000 : false,
  });
  return { query, connection };
}

function LiveBoard() {
  const { t, i18n } = useTranslation();
  const { query: live, connection } = useLiveBoard();
  const name = (q: LiveQueue) => (i18n.language === 'en' ? q.nameEn : q.nameNl);
  const columns: Column<LiveQueue>[] = [
    { key: 'queue', header: t('contactSupervisor.live.queue'), cell: name, rowHeader: true },
    {
      key: 'open',
      header: t('contactSupervisor.live.open'),
      cell: (q) => (q.open ? t('contactSupervisor.live.isOpen') : t('contactSupervisor.live.isClosed')),
    },
    numericColumn('waiting', t('contactSupervisor.live.waiting'), (q) => formatNumber(q.waiting)),
    numericColumn('longest', t('contactSupervisor.live.longestWait'), (q) => duration(q.longestWaitSeconds)),
    numericColumn(
      'agents',
      t('contactSupervisor.live.agents'),
      (q) => `${q.agents.available} / ${q.agents.away} / ${q.agents.offline}`,
    ),
    numericColumn('active', t('contactSupervisor.live.chatsActive'), (q) => formatNumber(q.chatsActive)),
    numericColumn('free', t('contactSupervisor.live.freeSlots'), (q) => formatNumber(q.freeSlots)),
    numericColumn(
      'sl',
      t('contactSupervisor.live.serviceLevel'),
      (q) => `${percent(q.serviceLevel)} (${t('contactSupervisor.live.target')} ${q.targetSeconds} s)`,
    ),
    numericColumn('emails', t('contactSupervisor.live.emailsOpen'), (q) => formatNumber(q.emailsOpen)),
  ];
  return (
    <section aria-labelledby="supervisor-live">
      <h2 id="supervisor-live">{t('contactSupervisor.live.title')}</h2>
      <QueryState query={live}>
        {(data) => (
          <>
            {/* Not a live region: the board changes every few seconds and would drown a screen reader. */}
            <p className="supervisor__updated" data-testid="supervisor-updated">
              {t('contactSupervisor.live.updated', {
                time: new Date(data.generatedAt).toLocaleTimeString(
                  i18n.language === 'en' ? 'en-GB' : 'nl-BE',
                ),
              })}{' '}
              {connection === 'live'
                ? t('contactSupervisor.live.connectionLive')
                : connection === 'polling'
                  ? t('contactSupervisor.live.connectionPolling', { seconds: REFRESH_SECONDS })
                  : connection === 'reconnecting'
                    ? t('contactSupervisor.live.connectionReconnecting')
                    : null}
            </p>
            <Table
              caption={t('contactSupervisor.live.caption')}
              columns={columns}
              rows={data.queues}
              rowKey={(q) => q.key}
            />
            {data.emailsOpenWithoutQueue > 0 ? (
              <p>{t('contactSupervisor.live.withoutQueue', { count: data.emailsOpenWithoutQueue })}</p>
            ) : null}
            <TargetForm queues={data.queues} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function TargetForm({ queues }: { queues: LiveQueue[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [queue, setQueue] = useState(queues[0]?.key ?? '');
  const current = queues.find((q) => q.key === queue);
  const [seconds, setSeconds] = useState('');
  const queueId = useId();
  const secondsId = useId();
  const save = useMutation({
    mutationFn: (body: { key: string; targetSeconds: number }) =>
      api.contactSupervisor.setTarget({
        params: { key: body.key },
        body: { targetSeconds: body.targetSeconds },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contact', 'supervisor'] }),
  });
  const error = save.error instanceof ApiError ? save.error.fieldErrors().targetSeconds : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ key: queue, targetSeconds: Number(seconds || current?.targetSeconds) });
  };
  const label = (q: LiveQueue) => (i18n.language === 'en' ? q.nameEn : q.nameNl);
  return (
    <details className="supervisor__target">
      <summary>{t('contactSupervisor.target.title')}</summary>
      <form onSubmit={submit} className="supervisor__form">
        <div className="field">
          <label htmlFor={queueId} className="field__label">
            {t('contactSupervisor.history.queue')}
          </label>
          <select
            id={queueId}
            className="field__input"
            value={queue}
            onChange={(e) => setQueue(e.target.value)}
          >
            {queues.map((q) => (
              <option key={q.key} value={q.key}>
                {label(q)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={secondsId} className="field__label">
            {t('contactSupervisor.target.label', { queue: current ? label(current) : '' })}
          </label>
          <input
            id={secondsId}
            className="field__input"
            type="number"
            min={5}
            max={3600}
            inputMode="numeric"
            placeholder={String(current?.targetSeconds ?? 60)}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
          {error ? <p className="feedback__error">{error}</p> : null}
        </div>
        <Button type="submit" variant="secondary" isDisabled={save.isPending}>
          {t('contactSupervisor.target.save')}
        </Button>
      </form>
      <div role="status">
        {save.isSuccess ? (
          <p>
            {t('contactSupervisor.target.saved', {
              queue: current ? label(current) : save.data.key,
              seconds: save.data.targetSeconds,
            })}
          </p>
        ) : null}
      </div>
    </details>
  );
}

function HistoryView() {
  const { t, i18n } = useTranslation();
  const today = brusselsDay();
  const [form, setForm] = useState({
    from: brusselsDay(new Date(Date.now() - 13 * 86_400_000)),
    to: today,
    by: 'day' as 'day' | 'hour',
    queue: '',
  });
  const [query, setQuery] = useState(form);
  const ids = { from: useId(), to: useId(), by: useId(), queue: useId() };
  const queues = useQuery({
    queryKey: ['contact', 'queues'],
    queryFn: () => api.contactChat.queues(),
  });
  const history = useQuery({
    queryKey: ['contact', 'supervisor', 'history', query],
    queryFn: () => api.contactSupervisor.history({ query }),
    placeholderData: (previous) => previous,
  });
  const issues = history.error instanceof ApiError ? history.error.fieldErrors('querystring') : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(form);
  };
  const bucketLabel = (b: Bucket, by: 'day' | 'hour') =>
    by === 'hour' ? `${b.bucket}:00` : dayLabel(i18n.language, b.bucket);
  return (
    <section aria-labelledby="supervisor-history">
      <h2 id="supervisor-history">{t('contactSupervisor.history.title')}</h2>
      <form onSubmit={submit} className="supervisor__form">
        <DateField
          id={ids.from}
          label={t('contactSupervisor.history.from')}
          value={form.from}
          max={today}
          onChange={(from) => setForm({ ...form, from })}
        />
        <DateField
          id={ids.to}
          label={t('contactSupervisor.history.to')}
          value={form.to}
          error={issues.to}
          onChange={(to) => setForm({ ...form, to })}
        />
        <div className="field">
          <label htmlFor={ids.by} className="field__label">
            {t('contactSupervisor.history.by')}
          </label>
          <select
            id={ids.by}
            className="field__input"
            value={form.by}
            onChange={(e) => setForm({ ...form, by: e.target.value as 'day' | 'hour' })}
          >
            <option value="day">{t('contactSupervisor.history.byDay')}</option>
            <option value="hour">{t('contactSupervisor.history.byHour')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.queue} className="field__label">
            {t('contactSupervisor.history.queue')}
          </label>
          <select
            id={ids.queue}
            className="field__input"
            value={form.queue}
            onChange={(e) => setForm({ ...form, queue: e.target.value })}
          >
            <option value="">{t('contactSupervisor.history.allQueues')}</option>
            {(queues.data ?? []).map((q) => (
              <option key={q.key} value={q.key}>
                {i18n.language === 'en' ? q.nameEn : q.nameNl}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t('contactSupervisor.history.show')}
        </Button>
      </form>
      {history.error && Object.keys(issues).length > 0 ? null : (
        <QueryState query={history}>{(data) => <HistoryCharts data={data} label={bucketLabel} />}</QueryState>
      )}
    </section>
  );
}

function HistoryCharts({ data, label }: { data: History; label: (b: Bucket, by: 'day' | 'hour') => string }) {
  const { t } = useTranslation();
  const labels = data.buckets.map((b) => label(b, data.by));
  const rows = [...data.buckets, { ...data.totals, bucket: 'total' }];
  const rowLabel = (b: Bucket) =>
    b.bucket === 'total' ? t('contactSupervisor.history.total') : label(b, data.by);
  const columns: Column<Bucket>[] = [
    { key: 'bucket', header: t('contactSupervisor.history.bucket'), cell: rowLabel, rowHeader: true },
    numericColumn('offered', t('contactSupervisor.history.offered'), (b) => formatNumber(b.offered)),
    numericColumn('answered', t('contactSupervisor.history.answered'), (b) => formatNumber(b.answered)),
    numericColumn('abandoned', t('contactSupervisor.history.abandoned'), (b) => formatNumber(b.abandoned)),
    numericColumn('wait', t('contactSupervisor.history.averageWait'), (b) =>
      b.averageWaitSeconds === null ? '—' : formatNumber(b.averageWaitSeconds),
    ),
    numericColumn('sl', t('contactSupervisor.history.serviceLevel'), (b) => percent(b.serviceLevel)),
    numericColumn('emails', t('contactSupervisor.history.emails'), (b) => formatNumber(b.emails)),
  ];
  const summary = t('contactSupervisor.history.chartSummary');
  const e = data.estimates;
  return (
    <div className="supervisor__history">
      <div className="supervisor__charts">
        <BarChart
          title={t('contactSupervisor.history.volumes')}
          description={summary}
          labels={labels}
          series={[
            {
              key: 'offered',
              label: t('contactSupervisor.history.offered'),
              values: data.buckets.map((b) => b.offered),
            },
            {
              key: 'answered',
              label: t('contactSupervisor.history.answered'),
              values: data.buckets.map((b) => b.answered),
            },
            {
              key: 'abandoned',
              label: t('contactSupervisor.history.abandoned'),
              values: data.buckets.map((b) => b.abandoned),
            },
            {
              key: 'emails',
              label: t('contactSupervisor.history.emails'),
              values: data.buckets.map((b) => b.emails),
            },
          ]}
        />
        <BarChart
          title={t('contactSupervisor.history.waits')}
          description={summary}
          labels={labels}
          series={[
            {
              key: 'wait',
              label: t('contactSupervisor.history.averageWait'),
              values: data.buckets.map((b) => b.averageWaitSeconds),
            },
          ]}
        />
        <BarChart
          title={t('contactSupervisor.history.serviceLevels')}
          description={summary}
          labels={labels}
          max={100}
          format={(v) => `${v}%`}
          series={[
            {
              key: 'sl',
              label: t('contactSupervisor.history.serviceLevel'),
              values: data.buckets.map((b) =>
                b.serviceLevel === null ? null : Math.round(b.serviceLevel * 100),
              ),
            },
          ]}
        />
      </div>
      <Table
        caption={`${t('contactSupervisor.history.title')} (${t(
          data.by === 'day' ? 'contactSupervisor.history.byDay' : 'contactSupervisor.history.byHour',
        )})`}
        columns={columns}
        rows={rows}
        rowKey={(b) => b.bucket}
      />
      <section aria-labelledby="supervisor-estimates" className="supervisor__estimates">
        <h3 id="supervisor-estimates">{t('contactSupervisor.estimates.title')}</h3>
        <p>{t('contactSupervisor.estimates.intro')}</p>
        <dl>
          <dt>{t('contactSupervisor.estimates.chats')}</dt>
          <dd>{formatNumber(e.chats)}</dd>
          <dt>{t('contactSupervisor.estimates.mae')}</dt>
          <dd>{duration(e.meanAbsoluteErrorSeconds)}</dd>
          <dt>{t('contactSupervisor.estimates.bias')}</dt>
          <dd>
            {e.biasSeconds === null
              ? '—'
              : `${e.biasSeconds > 0 ? '+' : e.biasSeconds < 0 ? '−' : ''}${duration(Math.abs(e.biasSeconds))}`}
          </dd>
          <dt>{t('contactSupervisor.estimates.withinMinute')}</dt>
          <dd>{percent(e.shareWithinMinute)}</dd>
        </dl>
      </section>
      {data.buckets.every((b) => b.offered === 0 && b.emails === 0) ? (
        <Alert tone="info">{t('contactSupervisor.history.empty')}</Alert>
      ) : null}
    </div>
  );
}
