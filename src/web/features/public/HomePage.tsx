import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { ButtonLink } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { useFramework } from './queries';
import { ValueCards } from './ValueCards';

export function HomePage() {
  const { t } = useTranslation();
  const framework = useFramework();
  return (
    <>
      <div className="hero">
        <PageTitle>{t('web.home.title')}</PageTitle>
        <p className="lead">{t('web.home.lead')}</p>
        <div className="hero__actions">
          <ButtonLink href={paths.values}>{t('web.home.toValues')}</ButtonLink>
          <ButtonLink href={paths.search} variant="secondary">
            {t('web.home.toSearch')}
          </ButtonLink>
        </div>
      </div>
      <section aria-labelledby="home-values" className="section">
        <h2 id="home-values">{t('web.home.valuesHeading')}</h2>
        <p>{t('web.home.valuesIntro')}</p>
        <QueryState query={framework}>{(data) => <ValueCards values={data.values} />}</QueryState>
      </section>
      <section aria-labelledby="home-programme" className="section">
        <h2 id="home-programme">{t('web.home.programmeHeading')}</h2>
        <p>{t('web.home.programmeText')}</p>
      </section>
    </>
  );
}
