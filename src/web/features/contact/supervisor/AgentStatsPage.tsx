import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { agentStatsOut } from '../../../../shared/api/contact-supervisor';
import { brusselsDay } from '../../../../shared/brussels-day';
import { ApiError, api } from '../../../app/api';
import { formatNumber } from '../../../app/format';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { type Column, Table } from '../../../ui/Table';
import { BarChart, type Series } from './BarChart';
import { SupervisorNav } from './SupervisorNav';
import { DateField, dayLabel, numericColumn } from './shared';
import './supervisor.css';

type Stats = z.infer<typeof agentStatsOut>;
type AgentStats = Stats['agents'][number];
type Day = AgentStats['days'][number];
type Range = { from: string; to: string };

const hours = (seconds: number) => formatNumber(Math.round(seconds / 360) / 10);
const handle = (seconds: number | null) =>
  seconds === null ? '—' : formatNumber(Math.round(seconds / 6) / 10);

/** /1700/toezicht/medewerkers — every agent's figures over a period, and one agent's days. */
export function AgentStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>(lastWeek);
  const [chosen, setChosen] = useState<number | null>(null);
  const stats = useQuery({
    queryKey: ['contact', 'supervisor', 'agents', range],
    queryFn: () => api.contactSupervisor.agentStats({ query: range }),
    placeholderData: (previous) => previous,
  });
  const pickId = useId();
  return (
    <div className="supervisor">
      <PageTitle>{t('contactSupervisor.agents.title')}</PageTitle>
      <SupervisorNav />
      <p>{t('contactSupervisor.agents.intro')}</p>
      <RangeForm range={range} onChange={setRange} error={stats.error} />
      <QueryState query={stats}>
        {(data) => {
          const agent = data.agents.find((a) => a.accountId === chosen) ?? data.agents[0];
          return (
            <>
              <AgentsTable data={data} />
              {agent ? (
                <section aria-labelledby="agent-days">
                  <h2 id="agent-days">{t('contactSupervisor.agents.perDay')}</h2>
                  <div className="field">
                    <label htmlFor={pickId} className="field__label">
                      {t('contactSupervisor.agents.agent')}
                    </label>
                    <select
                      id={pickId}
                      className="field__input"
                      value={agent.accountId}
                      onChange={(e) => setChosen(Number(e.target.value))}
                    >
                      {data.agents.map((a) => (
                        <option key={a.accountId} value={a.accountId}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <AgentDays agent={agent} />
                </section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** /1700/mijn-cijfers — the agent's own figures; nobody but the agent and supervisors sees them. */
export function MyStatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [range, setRange] = useState<Range>(lastWeek);
  const accountId = me.data?.accountId;
  const stats = useQuery({
    queryKey: ['contact', 'agents', accountId, 'stats', range],
    queryFn: () => api.contactSupervisor.agentStatsOf({ params: { accountId: accountId! }, query: range }),
    enabled: accountId !== undefined,
    placeholderData: (previous) => previous,
  });
  return (
    <div className="supervisor">
      <PageTitle>{t('contactSupervisor.agents.mine')}</PageTitle>
      <p>{t('contactSupervisor.agents.mineIntro')}</p>
      <RangeForm range={range} onChange={setRange} error={stats.error} />
      <QueryState query={stats}>
        {(data) => (data.agents[0] ? <AgentDays agent={data.agents[0]} /> : null)}
      </QueryState>
    </div>
  );
}

function lastWeek(): Range {
  return { from: brusselsDay(new Date(Date.now() - 6 * 86_400_000)), to: brusselsDay() };
}

function RangeForm({
  range,
  onChange,
  error,
}: {
  range: Range;
  onChange: (range: Range) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(range);
  const ids = { from: useId(), to: useId() };
  const issues = error instanceof ApiError ? error.fieldErrors('querystring') : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(form);
  };
  return (
    <form onSubmit={submit} className="supervisor__form">
      <DateField
        id={ids.from}
        label={t('contactSupervisor.history.from')}
        value={form.from}
        error={issues.from}
        onChange={(from) => setForm({ ...form, from })}
      />
      <DateField
        id={ids.to}
        label={t('contactSupervisor.history.to')}
        value={form.to}
        error={issues.to}
        onChange={(to) => setForm({ ...form, to })}
      />
      <Button type="submit" variant="secondary">
        {t('contactSupervisor.history.show')}
      </Button>
    </form>
  );
}

function figureColumns<T extends AgentStats['totals']>(t: (key: string) => string): Column<T>[] {
  return [
    numericColumn('chats', t('contactSupervisor.agents.chats'), (r) => formatNumber(r.chatsHandled)),
    numericColumn('handle', t('contactSupervisor.agents.handle'), (r) => handle(r.averageHandleSeconds)),
    numericColumn('emails', t('contactSupervisor.agents.emails'), (r) => formatNumber(r.emailsAnswered)),
    numericColumn('available', t('contactSupervisor.agents.available'), (r) => hours(r.availableSeconds)),
    numericColumn('away', t('contactSupervisor.agents.away'), (r) => hours(r.awaySeconds)),
  ];
}

/** Chats handled and e-mails answered: what the charts compare, per agent or per day. */
function workSeries(t: (key: string) => string, figures: AgentStats['totals'][]): Series[] {
  return [
    { key: 'chats', label: t('contactSupervisor.agents.chats'), values: figures.map((f) => f.chatsHandled) },
    {
      key: 'emails',
      label: t('contactSupervisor.agents.emails'),
      values: figures.map((f) => f.emailsAnswered),
    },
  ];
}

function AgentsTable({ data }: { data: Stats }) {
  const { t } = useTranslation();
  const rows = data.agents.map((a) => ({ ...a.totals, name: a.name, accountId: a.accountId }));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'name', header: t('contactSupervisor.agents.agent'), cell: (r) => r.name, rowHeader: true },
    ...figureColumns<(typeof rows)[number]>(t),
  ];
  return (
    <section aria-labelledby="agents-totals">
      <h2 id="agents-totals">{t('contactSupervisor.agents.totals')}</h2>
      <div className="supervisor__history">
        <div className="supervisor__charts">
          <BarChart
            title={t('contactSupervisor.agents.chartAgents')}
            description={t('contactSupervisor.history.chartSummary')}
            labels={data.agents.map((a) => a.name)}
            series={workSeries(
              t,
              data.agents.map((a) => a.totals),
            )}
          />
        </div>
        <Table
          caption={t('contactSupervisor.agents.caption', { from: data.from, to: data.to })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.accountId}
          empty={t('contactSupervisor.agents.empty')}
        />
      </div>
    </section>
  );
}

function AgentDays({ agent }: { agent: AgentStats }) {
  const { t, i18n } = useTranslation();
  const label = (day: string) => dayLabel(i18n.language, day);
  const columns: Column<Day>[] = [
    { key: 'day', header: t('contactSupervisor.agents.day'), cell: (d) => label(d.day), rowHeader: true },
    ...figureColumns<Day>(t),
  ];
  return (
    <div className="supervisor__history">
      <div className="supervisor__charts">
        <BarChart
          title={t('contactSupervisor.agents.chartDays', { name: agent.name })}
          description={t('contactSupervisor.history.chartSummary')}
          labels={agent.days.map((d) => label(d.day))}
          series={workSeries(t, agent.days)}
        />
      </div>
      <Table
        caption={t('contactSupervisor.agents.daysCaption', { name: agent.name })}
        columns={columns}
        rows={agent.days}
        rowKey={(d) => d.day}
      />
    </div>
  );
}
