import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDateTime, formatNumber } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { AdminPage } from './AdminPage';

const megabytes = (bytes: number) => `${formatNumber(Math.round((bytes / 1_048_576) * 10) / 10)} MB`;

/** The scheduled backups as the programme admin checks them: the schedule, the latest attempts, failures' reasons. */
export function BackupsPage() {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: ['admin', 'backups'],
    queryFn: () => api.ops.backups(),
  });
  return (
    <AdminPage section="backups">
      <QueryState query={overview}>
        {(data) => (
          <>
            <p>
              {data.configured
                ? t('ops.backups.schedule', {
                    hours: data.intervalHours,
                    directory: data.directory,
                    keep: data.keep,
                    next: formatDateTime(data.nextRunAt),
                  })
                : t('ops.backups.notConfigured')}
            </p>
            <p>{t('ops.backups.secretNote')}</p>
            <Table
              caption={t('ops.backups.caption')}
              rows={data.runs}
              rowKey={(row) => row.id}
              empty={t('ops.backups.empty')}
              columns={[
                {
                  key: 'finishedAt',
                  header: t('ops.backups.finishedAt'),
                  rowHeader: true,
                  cell: (row) => formatDateTime(row.finishedAt),
                },
                {
                  key: 'status',
                  header: t('ops.backups.status'),
                  cell: (row) => t(`ops.backups.${row.status}`),
                },
                { key: 'file', header: t('ops.backups.file'), cell: (row) => row.fileName ?? '' },
                {
                  key: 'size',
                  header: t('ops.backups.size'),
                  cell: (row) => (row.bytes === null ? '' : megabytes(row.bytes)),
                },
                {
                  key: 'schemaVersion',
                  header: t('ops.backups.schemaVersion'),
                  cell: (row) => row.schemaVersion ?? '',
                },
                { key: 'error', header: t('ops.backups.error'), cell: (row) => row.error ?? '' },
              ]}
            />
          </>
        )}
      </QueryState>
    </AdminPage>
  );
}
