import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert } from '../../ui/Alert';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { AdminPage } from './AdminPage';

export function MailboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const mailbox = useQuery({
    queryKey: ['admin', 'mailbox', page],
    queryFn: () => api.content.mailbox({ query: { page } }),
    placeholderData: (previous) => previous,
  });
  return (
    <AdminPage section="mailbox">
      <Alert tone="info">{t('web.mailbox.devOnly')}</Alert>
      <QueryState query={mailbox}>
        {(data) => (
          <>
            <p>{t('web.mailbox.count', { count: data.total })}</p>
            {data.items.length === 0 ? <p>{t('web.mailbox.empty')}</p> : null}
            <ul className="mail-list">
              {data.items.map((message) => (
                <li key={message.id}>
                  <Disclosure className="mail">
                    <Heading level={2} className="mail__heading">
                      <AriaButton slot="trigger" className="mail__trigger">
                        <span className="mail__subject">{message.subject}</span>
                        <span className="mail__meta">
                          {t('web.mailbox.toLine', { to: message.to, date: formatDateTime(message.sentAt) })}
                        </span>
                      </AriaButton>
                    </Heading>
                    <DisclosurePanel className="mail__panel">
                      <dl className="facts">
                        <dt>{t('web.mailbox.from')}</dt>
                        <dd>{message.from}</dd>
                        <dt>{t('web.mailbox.to')}</dt>
                        <dd>{message.to}</dd>
                        {message.cc ? (
                          <>
                            <dt>{t('web.mailbox.cc')}</dt>
                            <dd>{message.cc}</dd>
                          </>
                        ) : null}
                        {message.replyTo ? (
                          <>
                            <dt>{t('web.mailbox.replyTo')}</dt>
                            <dd>{message.replyTo}</dd>
                          </>
                        ) : null}
                      </dl>
                      <pre className="mail__body">{message.textBody}</pre>
                    </DisclosurePanel>
                  </Disclosure>
                </li>
              ))}
            </ul>
            <Pagination
              label={t('web.mailbox.pages')}
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
