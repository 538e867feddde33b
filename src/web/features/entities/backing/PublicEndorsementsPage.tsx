import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { pick } from '../../public/localized';
import '../profile/entities.css';

/** /engagementen: political leaders' and policy makers' public backing of the values. */
export function PublicEndorsementsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery({
    queryKey: ['entities-backing', 'public'],
    queryFn: () => api.entitiesBacking.publicList(),
  });
  return (
    <>
      <PageTitle>{t('entities-backing.web.public.title')}</PageTitle>
      <p className="lead">{t('entities-backing.web.public.lead')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('entities-backing.web.public.empty')}</p>
          ) : (
            <ul className="ent-list">
              {data.items.map((e) => (
                <li key={e.id}>
                  <article className="ent-card" aria-labelledby={`endorsement-${e.id}`}>
                    <h2 id={`endorsement-${e.id}`}>{e.name}</h2>
                    <p className="muted">
                      {pick(locale, e.roleNl, e.roleEn)} · {t(`entities-backing.web.kind.${e.kind}`)} ·{' '}
                      <time dateTime={e.endorsedOn}>{formatDate(e.endorsedOn)}</time>
                    </p>
                    {e.synthetic ? <p className="ent-note">{t('entities-backing.web.synthetic')}</p> : null}
                    <blockquote className="preserve-lines">
                      {pick(locale, e.statementNl, e.statementEn)}
                    </blockquote>
                    {e.link ? (
                      <p>
                        <a href={e.link} rel="noopener noreferrer">
                          {t('entities-backing.web.public.source', { name: e.name })}
                        </a>
                      </p>
                    ) : null}
                  </article>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
