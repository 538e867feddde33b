import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { ContentBody } from '../../public/ContentBody';
import { pick } from '../../public/localized';
import { NotFoundPage } from '../../public/NotFoundPage';
import { useValueName, ValueList } from './ValueNames';
import './entities.css';

/** /entiteiten/:entityId: an entity's published value profile, for everyone. */
export function PublicProfilePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const valueName = useValueName();
  const entityId = Number(useParams().entityId);
  const valid = Number.isInteger(entityId) && entityId > 0;
  const query = useQuery({
    queryKey: ['entities-profile', 'public', entityId],
    queryFn: () => api.entitiesProfile.publicGet({ params: { entityId } }),
    enabled: valid,
    retry: false,
  });
  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  return (
    <QueryState query={query}>
      {(profile) => {
        const story = pick(locale, profile.storyHtmlNl, profile.storyHtmlEn);
        return (
          <article className="content-page">
            <PageTitle>{pick(locale, profile.nameNl, profile.nameEn)}</PageTitle>
            <p className="lead">{t('entities-profile.web.public.lead')}</p>
            {profile.synthetic ? (
              <p className="ent-note">{t('entities-profile.web.public.synthetic')}</p>
            ) : null}
            {profile.focusValues.length > 0 ? (
              <section className="section" aria-labelledby="ent-focus">
                <h2 id="ent-focus">{t('entities-profile.web.focusValues')}</h2>
                <ValueList values={profile.focusValues} label={t('entities-profile.web.focusValues')} />
              </section>
            ) : null}
            {story ? (
              <section className="section" aria-labelledby="ent-story">
                <h2 id="ent-story">{t('entities-profile.web.public.story')}</h2>
                <div lang={locale === 'en' && profile.storyHtmlEn ? 'en' : 'nl'}>
                  <ContentBody html={story} />
                </div>
              </section>
            ) : null}
            {profile.ownWords.length > 0 ? (
              <section className="section" aria-labelledby="ent-words">
                <h2 id="ent-words">{t('entities-profile.web.public.ownWords')}</h2>
                <dl>
                  {profile.ownWords.map((w) => (
                    <div key={w.valueKey}>
                      <dt>{valueName(w.valueKey)}</dt>
                      <dd className="preserve-lines">{pick(locale, w.textNl, w.textEn)}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
            {profile.ambassadors.length > 0 ? (
              <section className="section" aria-labelledby="ent-ambassadors">
                <h2 id="ent-ambassadors">{t('entities-profile.web.public.ambassadors')}</h2>
                <ul>
                  {profile.ambassadors.map((a) => (
                    <li key={a.name}>{a.name}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            <p className="muted small">
              {t('entities-profile.web.public.publishedAt', { date: formatDate(profile.publishedAt) })}
            </p>
            <p>
              <Link to={paths.values}>{t('entities-profile.web.public.back')}</Link>
            </p>
          </article>
        );
      }}
    </QueryState>
  );
}
