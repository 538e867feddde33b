import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, auditLogQuery } from '../../../shared/api/auth-admin';
import { auditActions } from '../../../shared/domain';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Button } from '../../ui/Button';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { AdminPage } from './AdminPage';

type Filter = { action?: string; actor?: string; from?: string; to?: string };

const known = new Set<string>(auditActions);

/** The audit log read by people: who did what to which record, with labels instead of codes. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['admin', 'audit', filter, page],
    queryFn: () => api.authAdmin.auditLog({ query: { ...filter, page } }),
    placeholderData: (previous) => previous,
  });
  const label = (action: string) =>
    known.has(action) ? t(`auth.auditActions.${action}`) : t('auth.audit.unknownAction', { action });
  return (
    <AdminPage section="audit">
      <AuditFilters
        label={label}
        onChange={(next) => {
          setPage(1);
          setFilter(next);
        }}
      />
      <QueryState query={log}>
        {(data) => (
          <>
            <Table
              caption={t('web.audit.caption', { count: data.total })}
              rows={data.items}
              rowKey={(row) => row.id}
              empty={t('web.audit.empty')}
              columns={[
                {
                  key: 'at',
                  header: t('web.audit.at'),
                  rowHeader: true,
                  cell: (row) => formatDateTime(row.at),
                },
                {
                  key: 'actor',
                  header: t('web.audit.actor'),
                  cell: (row) => <Actor row={row} />,
                },
                {
                  key: 'action',
                  header: t('web.audit.actionColumn'),
                  cell: (row) => label(row.action),
                },
                {
                  key: 'target',
                  header: t('web.audit.target'),
                  cell: (row) => <Target row={row} />,
                },
                {
                  key: 'details',
                  header: t('web.audit.details'),
                  cell: (row) =>
                    Object.keys(row.details).length ? (
                      <details>
                        <summary>{t('auth.audit.showDetails')}</summary>
                        <pre className="details">{JSON.stringify(row.details, null, 2)}</pre>
                      </details>
                    ) : (
                      ''
                    ),
                },
                { key: 'ip', header: t('web.audit.ip'), cell: (row) => row.ip ?? '' },
              ]}
            />
            <Pagination
              label={t('web.audit.pages')}
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={setPage}
            />
          </>
        )}
      </QueryState>
    </AdminPage>
  );
}

function Actor({ row }: { row: AuditEntry }) {
  const { t } = useTranslation();
  if (row.actorAccountId === null) return t('web.audit.system');
  const name = row.actorName ?? t('auth.audit.accountFallback', { id: row.actorAccountId });
  return (
    <>
      {name}
      {row.actorEmail ? <span className="muted small"> ({row.actorEmail})</span> : null}
    </>
  );
}

function Target({ row }: { row: AuditEntry }) {
  if (!row.targetType) return '';
  // A name says more than "account 1"; the record's type and id stay available in the tooltip.
  const type = row.targetType.replaceAll('_', ' ');
  const reference = `${type} ${row.targetId ?? ''}`.trim();
  return row.targetName ? <span title={reference}>{row.targetName}</span> : reference;
}

/** Action (from the known labels), actor and a day range; applied together on submit. */
function AuditFilters({
  label,
  onChange,
}: {
  label: (action: string) => string;
  onChange: (f: Filter) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState('');
  const options = [...auditActions].sort((a, b) => label(a).localeCompare(label(b)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const next = { action: value('action'), actor: value('actor'), from: value('from'), to: value('to') };
    const parsed = auditLogQuery.safeParse(next);
    if (!parsed.success) {
      setError(t(parsed.error.issues[0]?.message ?? 'auth.validation.auditDay'));
      return;
    }
    setError('');
    onChange(next);
  };
  return (
    <form
      className="inline-form audit-filters"
      aria-label={t('auth.audit.filters')}
      onSubmit={submit}
      onReset={() => {
        setError('');
        onChange({});
      }}
    >
      <label className="field">
        <span className="field__label">{t('web.audit.action')}</span>
        <select name="action" defaultValue="">
          <option value="">{t('auth.audit.actionAll')}</option>
          {options.map((action) => (
            <option key={action} value={action}>
              {label(action)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('auth.audit.actor')}</span>
        <input name="actor" maxLength={100} aria-describedby={`${id}-actor`} autoComplete="off" />
        <span id={`${id}-actor`} className="field__description">
          {t('auth.audit.actorHint')}
        </span>
      </label>
      <label className="field">
        <span className="field__label">{t('auth.audit.from')}</span>
        <input name="from" type="date" />
      </label>
      <label className="field">
        <span className="field__label">{t('auth.audit.to')}</span>
        <input name="to" type="date" />
      </label>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="secondary">
        {t('auth.audit.apply')}
      </Button>
      <Button type="reset" variant="secondary">
        {t('auth.audit.reset')}
      </Button>
    </form>
  );
}
