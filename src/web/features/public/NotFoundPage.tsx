import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { PageTitle } from '../../ui/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('web.notFound.title')}</PageTitle>
      <p>{t('web.notFound.text')}</p>
      <ul>
        <li>
          <Link to={paths.home}>{t('web.notFound.home')}</Link>
        </li>
        <li>
          <Link to={paths.search}>{t('web.notFound.search')}</Link>
        </li>
      </ul>
    </>
  );
}
