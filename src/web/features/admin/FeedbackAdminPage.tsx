import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { contentApi } from '../../../shared/api/content';
import type { RouteOutput } from '../../../shared/api/contract';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { pageHref } from '../../app/paths';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { AdminPage } from './AdminPage';

type FeedbackAggregate = RouteOutput<typeof contentApi.routes.pageFeedback>[number];

export function FeedbackAdminPage() {
  const { t } = useTranslation();
  const feedback = useQuery({
    queryKey: ['admin', 'feedback'],
    queryFn: () => api.content.pageFeedback(),
  });
  const share = (row: FeedbackAggregate) => {
    const total = row.useful + row.notUseful;
    return total ? `${Math.round((row.useful / total) * 100)}%` : '–';
  };
  return (
    <AdminPage section="feedback">
      <QueryState query={feedback}>
        {(rows) => (
          <>
            <Table
              caption={t('web.feedbackAdmin.caption')}
              rows={rows}
              rowKey={(row) => `${row.slug}-${row.locale}`}
              empty={t('web.feedbackAdmin.empty')}
              columns={[
                {
                  key: 'page',
                  header: t('web.feedbackAdmin.page'),
                  rowHeader: true,
                  cell: (row) => <Link to={pageHref(row.slug)}>{row.title ?? row.slug}</Link>,
                },
                {
                  key: 'locale',
                  header: t('web.feedbackAdmin.locale'),
                  cell: (row) => t(`web.language.${row.locale}`),
                },
                {
                  key: 'useful',
                  header: t('web.feedbackAdmin.useful'),
                  numeric: true,
                  cell: (row) => row.useful,
                },
                {
                  key: 'notUseful',
                  header: t('web.feedbackAdmin.notUseful'),
                  numeric: true,
                  cell: (row) => row.notUseful,
                },
                { key: 'share', header: t('web.feedbackAdmin.share'), numeric: true, cell: share },
              ]}
            />
            {rows
              .filter((row) => row.comments.length)
              .map((row) => (
                <section
                  key={`${row.slug}-${row.locale}`}
                  className="section"
                  aria-labelledby={`comments-${row.slug}-${row.locale}`}
                >
                  <h2 id={`comments-${row.slug}-${row.locale}`}>
                    {t('web.feedbackAdmin.commentsFor', {
                      page: row.title ?? row.slug,
                      language: t(`web.language.${row.locale}`),
                    })}
                  </h2>
                  <ul className="comments">
                    {row.comments.map((comment, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: anonymous comments have no id.
                      <li key={index} className="comment">
                        <span className={`badge ${comment.useful ? 'badge--positive' : 'badge--negative'}`}>
                          {comment.useful
                            ? t('web.feedbackAdmin.markedUseful')
                            : t('web.feedbackAdmin.markedNotUseful')}
                        </span>{' '}
                        <span className="muted small">{formatDate(comment.date)}</span>
                        <p className="preserve-lines">{comment.comment}</p>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
          </>
        )}
      </QueryState>
    </AdminPage>
  );
}
