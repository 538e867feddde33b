import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { hasRole, useMe } from '../../app/session';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { pick } from '../public/localized';
import { useModules, useProgress } from './learning-api';
import './learning.css';

/** /leren: the four modules, what to practise now, and the way to one's own progress. */
export function LearningHomePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe().data;
  const modules = useModules();
  const progress = useProgress();
  const leads = hasRole(me, 'manager', 'entity_coordinator', 'top_executive', 'programme_admin');

  return (
    <>
      <PageTitle>{t('learning.home.title')}</PageTitle>
      <p className="lead">{t('learning.home.lead')}</p>

      <section aria-labelledby="learning-modules" className="section">
        <h2 id="learning-modules">{t('learning.home.modulesHeading')}</h2>
        <QueryState query={modules}>
          {(list) => (
            <ul className="learning-modules">
              {list.map((module) => (
                <li key={module.valueKey} className="learning-module-card">
                  <h3 className="learning-module-card__title">
                    <Link to={`${paths.learning}/${module.valueKey}`}>
                      {pick(locale, module.titleNl, module.titleEn)}
                    </Link>
                  </h3>
                  <p>{pick(locale, module.introNl, module.introEn)}</p>
                  <p className="muted">
                    {t('learning.home.steps', { count: module.stepCount })}
                    {' · '}
                    {module.completedAt ? (
                      <span className="badge badge--positive">
                        {t('learning.home.completedOn', { date: formatDate(module.completedAt) })}
                      </span>
                    ) : (
                      <span className="badge">{t('learning.home.notCompleted')}</span>
                    )}
                    {module.published ? null : (
                      <span className="badge badge--negative">{t('learning.home.unpublished')}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="learning-practice" className="section">
        <h2 id="learning-practice">{t('learning.home.practiceHeading')}</h2>
        <p>{t('learning.home.practiceText')}</p>
        <QueryState query={progress}>
          {(data) => (
            <p>
              {data.dueNow > 0
                ? t('learning.home.dueNow', { count: data.dueNow })
                : data.nextDueAt
                  ? t('learning.home.nextDue', { date: formatDate(data.nextDueAt) })
                  : t('learning.home.nothingDue')}
            </p>
          )}
        </QueryState>
        <ul className="button-row learning-links">
          <li>
            <Link className="btn btn--primary" to={paths.learningPractice}>
              {t('learning.home.practiceAll')}
            </Link>
          </li>
          <li>
            <Link className="btn btn--secondary" to={paths.learningProgress}>
              {t('learning.home.progressLink')}
            </Link>
          </li>
          {leads ? (
            <li>
              <Link className="btn btn--secondary" to={paths.learningInsights}>
                {t('learning.home.insightsLink')}
              </Link>
            </li>
          ) : null}
          {hasRole(me, 'programme_admin') ? (
            <li>
              <Link className="btn btn--secondary" to={paths.adminLearning}>
                {t('learning.home.authoringLink')}
              </Link>
            </li>
          ) : null}
        </ul>
        <p className="muted">{t('learning.privacy')}</p>
      </section>
    </>
  );
}
