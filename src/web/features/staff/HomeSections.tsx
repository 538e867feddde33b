import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeCard } from '../../../shared/api/home';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import './home.css';

/** The home page's sections: one per role, each a list of cards that link to where the work is. */
export function HomeSections() {
  const { t } = useTranslation();
  const home = useQuery({ queryKey: ['home'], queryFn: () => api.home.get() });
  return (
    <QueryState query={home}>
      {(data) => (
        <>
          {data.sections.map((section) => (
            <section
              key={section.role}
              aria-labelledby={`home-${section.role}`}
              className="section home-section"
            >
              <h2 id={`home-${section.role}`}>{t(`home.sections.${section.role}`)}</h2>
              <ul className="home-cards">
                {section.cards.map((card) => (
                  <li
                    key={`${card.key} ${card.href} ${card.label ?? ''}`}
                    className={`home-card${card.attention ? ' home-card--attention' : ''}`}
                  >
                    <Link to={card.href} className="home-card__link">
                      <CardText card={card} />
                    </Link>
                    {card.attention ? <span className="home-card__flag">{t('home.attention')}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </QueryState>
  );
}

function CardText({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const status =
    card.status === null
      ? ''
      : card.key === 'rosterImport'
        ? t(`home.rosterStatus.${card.status}`)
        : t(`home.state.${card.status}`);
  return (
    <>
      {t(`home.cards.${card.key}`, {
        count: card.count ?? 0,
        label: card.label ?? '',
        date: formatDate(card.date),
        status,
      })}
    </>
  );
}
