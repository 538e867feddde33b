import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import './survey.css';

/** The signed-in person's open survey invitations, with the same personal link as in the e-mail. */
export function MySurveysPage() {
  const { t, i18n } = useTranslation();
  const mine = useQuery({
    queryKey: ['survey', 'mine'],
    queryFn: () => api.survey.mine(),
  });
  return (
    <>
      <PageTitle>{t('survey.mine.title')}</PageTitle>
      <p className="lead">{t('survey.mine.lead')}</p>
      <QueryState query={mine}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('survey.mine.none')}</p>
          ) : (
            <ul className="survey-admin-list">
              {data.items.map((item) => (
                <li key={item.waveId}>
                  <Link to={item.path}>{(i18n.language === 'en' && item.titleEn) || item.titleNl}</Link>{' '}
                  <span className="survey-admin-item__tags">
                    {t('survey.mine.until', { date: item.closesOn })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
