import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { QueryState } from '../../../ui/QueryState';
import { pick } from '../../public/localized';

/** On the public values page: a link to every published entity profile and to the political backing. */
export function PublishedProfilesBlock() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery({
    queryKey: ['entities-profile', 'public', 'list'],
    queryFn: () => api.entitiesProfile.publicList(),
    staleTime: 60_000,
  });
  return (
    <section className="section" aria-labelledby="ent-published">
      <h2 id="ent-published">{t('entities-profile.web.block.title')}</h2>
      <p>{t('entities-profile.web.block.lead')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('entities-profile.web.block.empty')}</p>
          ) : (
            <ul>
              {data.items.map((item) => (
                <li key={item.entityId}>
                  <Link to={paths.entityProfilePublic.replace(':entityId', String(item.entityId))}>
                    {pick(locale, item.nameNl, item.nameEn)}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <p>
        <Link to={paths.endorsements}>{t('entities-profile.web.block.endorsements')}</Link>
      </p>
    </section>
  );
}
