import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import type { Column } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { AdminPage } from '../admin/AdminPage';
import { ItemsTable, issueOf } from './shared';

const languages = ['nl', 'en'] as const;

type Language = (typeof languages)[number];

function LanguageSelect({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('monitor-io.web.reports.language')}
      options={languages.map((l) => ({ id: l, label: t(`monitor-io.web.reports.languages.${l}`) }))}
      selectedKey={value}
      onSelectionChange={(key) => onChange(key === 'en' ? 'en' : 'nl')}
    />
  );
}

function languageColumn<T extends { locale: Language }>(t: TFunction): Column<T> {
  return {
    key: 'locale',
    header: t('monitor-io.web.reports.language'),
    cell: (row) => t(`monitor-io.web.reports.languages.${row.locale}`),
  };
}

/** /beheer/monitor/rapporten: the management report per quarter, and who receives it. */
export function ReportsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [periodKey, setPeriodKey] = useState('');
  const [locale, setLocale] = useState<Language>('nl');
  const reports = useQuery({ queryKey: ['monitor-reports'], queryFn: () => api.monitorReport.reports() });
  const create = useMutation({
    mutationFn: () =>
      api.monitorReport.createReport({ body: { periodKey: periodKey.trim().toUpperCase(), locale } }),
    onSuccess: async () => {
      toast.show(t('monitor-io.web.reports.generated'));
      await queryClient.invalidateQueries({ queryKey: ['monitor-reports'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const periodError = issueOf(create.error, 'periodKey');
  return (
    <AdminPage section="monitorReports">
      <section aria-labelledby="rep-new" className="section">
        <h2 id="rep-new">{t('monitor-io.web.reports.generate')}</h2>
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('monitor-io.web.reports.period')}
            description={t('monitor-io.web.reports.periodHint')}
            value={periodKey}
            onChange={setPeriodKey}
            isRequired
            isInvalid={!!periodError}
            errorMessage={periodError}
          />
          <LanguageSelect value={locale} onChange={setLocale} />
          <div className="form__actions">
            <Button type="submit" isPending={create.isPending}>
              {t('monitor-io.web.reports.submit')}
            </Button>
          </div>
          {create.error instanceof ApiError && !periodError ? (
            <Alert tone="error">{create.error.message}</Alert>
          ) : null}
        </form>
      </section>
      <section aria-labelledby="rep-list" className="section">
        <h2 id="rep-list">{t('monitor-io.web.reports.list')}</h2>
        <QueryState query={reports}>
          {(data) => (
            <ItemsTable
              caption={t('monitor-io.web.reports.list')}
              items={data.items}
              empty={t('monitor-io.web.reports.empty')}
              columns={[
                {
                  key: 'period',
                  header: t('monitor-io.web.reports.period'),
                  rowHeader: true,
                  cell: (row) => row.periodKey,
                },
                languageColumn(t),
                {
                  key: 'trigger',
                  header: t('monitor-io.web.reports.trigger'),
                  cell: (row) => t(`monitor-io.web.reports.triggers.${row.trigger}`),
                },
                {
                  key: 'at',
                  header: t('monitor-io.web.reports.createdAt'),
                  cell: (row) => formatDateTime(row.createdAt),
                },
                {
                  key: 'download',
                  header: t('monitor-io.web.reports.download'),
                  cell: (row) => {
                    const names = { period: row.periodKey, locale: row.locale };
                    return (
                      <>
                        <a
                          href={api.monitorReport.reportFile.href({ params: { id: row.id, format: 'pdf' } })}
                        >
                          {t('monitor-io.web.reports.pdf', names)}
                        </a>
                        {' · '}
                        <a
                          href={api.monitorReport.reportFile.href({ params: { id: row.id, format: 'xlsx' } })}
                        >
                          {t('monitor-io.web.reports.xlsx', names)}
                        </a>
                      </>
                    );
                  },
                },
              ]}
            />
          )}
        </QueryState>
      </section>
      <Subscribers />
    </AdminPage>
  );
}

function Subscribers() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Language>('nl');
  const list = useQuery({
    queryKey: ['monitor-report-subscribers'],
    queryFn: () => api.monitorReport.subscribers(),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['monitor-report-subscribers'] });
  const add = useMutation({
    mutationFn: () => api.monitorReport.addSubscriber({ body: { email, locale } }),
    onSuccess: async () => {
      setEmail('');
      toast.show(t('monitor-io.web.reports.added'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.monitorReport.removeSubscriber({ params: { id } }),
    onSuccess: async () => {
      toast.show(t('monitor-io.web.reports.removed'));
      await refresh();
    },
  });
  const emailError = issueOf(add.error, 'email');
  return (
    <section aria-labelledby="rep-subscribers" className="section">
      <h2 id="rep-subscribers">{t('monitor-io.web.reports.subscribers')}</h2>
      <p>{t('monitor-io.web.reports.subscribersLead')}</p>
      <QueryState query={list}>
        {(data) => (
          <ItemsTable
            caption={t('monitor-io.web.reports.subscribers')}
            items={data.items}
            empty={t('monitor-io.web.reports.noSubscribers')}
            columns={[
              {
                key: 'email',
                header: t('monitor-io.web.reports.email'),
                rowHeader: true,
                cell: (row) => row.email,
              },
              languageColumn(t),
              {
                key: 'remove',
                header: t('monitor-io.web.reports.remove'),
                cell: (row) => (
                  <Button
                    variant="secondary"
                    aria-label={t('monitor-io.web.reports.removeNamed', { email: row.email })}
                    onPress={() => remove.mutate(row.id)}
                  >
                    {t('monitor-io.web.reports.remove')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <TextField
          label={t('monitor-io.web.reports.email')}
          type="email"
          value={email}
          onChange={setEmail}
          isRequired
          isInvalid={!!emailError}
          errorMessage={emailError}
        />
        <LanguageSelect value={locale} onChange={setLocale} />
        <div className="form__actions">
          <Button type="submit" isPending={add.isPending}>
            {t('monitor-io.web.reports.add')}
          </Button>
        </div>
        {add.error instanceof ApiError && !emailError ? (
          <Alert tone="error">{add.error.message}</Alert>
        ) : null}
      </form>
    </section>
  );
}
