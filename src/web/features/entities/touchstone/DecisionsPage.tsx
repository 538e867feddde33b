import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { hasRole, useMe } from '../../../app/session';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { pick } from '../../public/localized';
import { DecisionForm } from './DecisionForm';
import { decisionHref, TouchstoneNav } from './shared';

/** /toetssteen: the caller's own decision records (with the form for a new one), or those shared with them. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const navigate = useNavigate();
  const me = useMe().data;
  const [search] = useSearchParams();
  const canRecord = hasRole(me, 'manager', 'top_executive', 'programme_admin');
  const box = search.get('lijst') === 'gedeeld' || !canRecord ? 'shared' : 'mine';
  const list = useQuery({
    queryKey: ['entities', 'decisions', box],
    queryFn: () => api.entitiesTouchstone.list({ query: { box } }),
  });
  return (
    <>
      <PageTitle>{t('entitiesTouchstone.list.title')}</PageTitle>
      <TouchstoneNav />
      <p className="lead">{t('entitiesTouchstone.list.lead')}</p>
      <QueryState query={list}>
        {(data) => (
          <>
            <section aria-labelledby={`${id}-list`}>
              <h2 id={`${id}-list`}>
                {box === 'mine' ? t('entitiesTouchstone.nav.mine') : t('entitiesTouchstone.nav.shared')}
              </h2>
              {data.items.length === 0 ? (
                <p>
                  {box === 'mine'
                    ? t('entitiesTouchstone.list.none')
                    : t('entitiesTouchstone.list.noneShared')}
                </p>
              ) : (
                <ul className="ent-list">
                  {data.items.map((item) => (
                    <li key={item.id} className="ent-card">
                      <h3>
                        <Link to={decisionHref(item.id)}>{item.title}</Link>
                      </h3>
                      <p className="muted">
                        {[
                          pick(locale, item.unit.nameNl, item.unit.nameEn),
                          item.decidedOn
                            ? t('entitiesTouchstone.list.decidedOn', { date: formatDate(item.decidedOn) })
                            : null,
                          item.mine
                            ? t('entitiesTouchstone.list.sharedWith', {
                                who: t(`entitiesTouchstone.sharing.${item.sharing}`),
                              })
                            : t('entitiesTouchstone.list.by', { name: item.author.name }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {box === 'mine' ? (
              <DecisionForm
                units={data.units}
                editing={null}
                onDone={(saved) => navigate(decisionHref(saved))}
              />
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}
