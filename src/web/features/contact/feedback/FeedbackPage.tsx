import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { PageTitle } from '../../../ui/PageTitle';
import { Loading } from '../../../ui/QueryState';
import { ContactFeedbackForm } from './ContactFeedbackForm';

/** /contact/beoordeling/:token — the link in a 1700 answer e-mail (and a fallback for the chat). */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const info = useQuery({
    queryKey: ['contact', 'feedback', token],
    queryFn: () => api.contactFeedback.token({ params: { token } }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const queueName = info.data
    ? i18n.language === 'en'
      ? info.data.queueNameEn
      : info.data.queueNameNl
    : null;
  return (
    <div className="feedback-page">
      <PageTitle>{t('contactFeedback.pageTitle')}</PageTitle>
      {info.isPending ? <Loading /> : null}
      {info.error ? (
        <Alert tone="warning">
          {info.error instanceof ApiError && (info.error.status === 404 || info.error.status === 400)
            ? t('contactFeedback.invalid')
            : t('contactFeedback.failed')}
        </Alert>
      ) : null}
      {info.data ? (
        <>
          <p>
            {t('contactFeedback.intro')}
            {queueName ? ` (${queueName})` : null}
          </p>
          <ContactFeedbackForm token={token} />
        </>
      ) : null}
    </div>
  );
}
