import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../ui/PageTitle';
import { FeedbackSummary } from './FeedbackSummary';

/** /beheer/contactfeedback — the programme's view of 1700 feedback (fifth objective); figures only, no comments. */
export function FeedbackAdminPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageTitle>{t('contactFeedback.summary.adminTitle')}</PageTitle>
      <p>{t('contactFeedback.summary.adminIntro', { k: 5 })}</p>
      <FeedbackSummary />
    </div>
  );
}
