import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { PageTitle } from '../../ui/PageTitle';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { LIST_KEY, UNREAD_KEY } from './notifications-api';
import './notifications.css';

/** The own notifications, newest first: open one (which marks it read), mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useQuery({
    queryKey: [...LIST_KEY, page, onlyUnread],
    queryFn: () => api.notifications.list({ query: { page, unread: onlyUnread ? 'true' : 'false' } }),
  });
  const settle = async (result: { unread: number }) => {
    client.setQueryData(UNREAD_KEY, result);
    await client.invalidateQueries({ queryKey: LIST_KEY });
  };
  const markRead = useMutation({
    mutationFn: (id: number) => api.notifications.markRead({ params: { id } }),
    onSuccess: settle,
  });
  const markAll = useMutation({ mutationFn: () => api.notifications.markAllRead(), onSuccess: settle });

  return (
    <>
      <PageTitle>{t('notifications.page.title')}</PageTitle>
      <p className="lead">{t('notifications.page.lead')}</p>
      <div className="notifications__tools">
        <Checkbox
          isSelected={onlyUnread}
          onChange={(value) => {
            setOnlyUnread(value);
            setPage(1);
          }}
        >
          {t('notifications.page.onlyUnread')}
        </Checkbox>
        <Button variant="secondary" onPress={() => markAll.mutate()} isPending={markAll.isPending}>
          {t('notifications.page.markAllRead')}
        </Button>
      </div>
      <QueryState query={list}>
        {(data) => (
          <>
            <p role="status">{t('notifications.page.unreadCount', { count: data.unread })}</p>
            {data.items.length === 0 ? (
              <p>{onlyUnread ? t('notifications.page.emptyUnread') : t('notifications.page.empty')}</p>
            ) : (
              <ul className="notifications">
                {data.items.map((item) => (
                  <li key={item.id} className={`notification${item.read ? '' : ' notification--unread'}`}>
                    <p className="notification__text">
                      {item.read ? null : (
                        <span className="badge notification__badge">{t('notifications.page.unread')}</span>
                      )}{' '}
                      {item.link ? (
                        <Link to={item.link} onClick={() => item.read || markRead.mutate(item.id)}>
                          {item.text}
                        </Link>
                      ) : (
                        item.text
                      )}
                    </p>
                    <p className="notification__meta">
                      <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                      {item.read ? null : (
                        <Button
                          variant="secondary"
                          className="btn--small"
                          onPress={() => markRead.mutate(item.id)}
                          aria-label={`${t('notifications.page.markRead')}: ${item.text}`}
                        >
                          {t('notifications.page.markRead')}
                        </Button>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={setPage}
              label={t('notifications.page.title')}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
