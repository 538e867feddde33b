import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { FilterForm } from '../../ui/FilterForm';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { AdminPage } from './AdminPage';

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['admin', 'audit', filter, page],
    queryFn: () => api.authAdmin.auditLog({ query: { action: filter || undefined, page } }),
    placeholderData: (previous) => previous,
  });
  return (
    <AdminPage section="audit">
      <FilterForm
        label={t('web.audit.action')}
        description={t('web.audit.actionHint')}
        name="action"
        maxLength={100}
        submitLabel={t('web.audit.filter')}
        onSubmit={(value) => {
          setPage(1);
          setFilter(value);
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
                  cell: (row) => row.actorEmail ?? t('web.audit.system'),
                },
                {
                  key: 'action',
                  header: t('web.audit.actionColumn'),
                  cell: (row) => <code>{row.action}</code>,
                },
                {
                  key: 'target',
                  header: t('web.audit.target'),
                  cell: (row) => (row.targetType ? `${row.targetType} ${row.targetId ?? ''}` : ''),
                },
                {
                  key: 'details',
                  header: t('web.audit.details'),
                  cell: (row) =>
                    Object.keys(row.details).length ? (
                      <code className="details">{JSON.stringify(row.details)}</code>
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
