import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { pick } from '../public/localized';
import { ValueCards } from '../public/ValueCards';

/** One published or superseded version, read-only, as it was published. */
export function ValuesVersionPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const asked = useParams().version ?? '';
  const version = Number(asked);
  const valid = Number.isInteger(version) && version > 0;
  const framework = useQuery({
    queryKey: ['values', 'version', version],
    queryFn: () => api.values.version({ params: { version } }),
    enabled: valid,
    retry: false,
  });
  const title = t('values.history.versionTitle', { version: valid ? version : '?' });
  const crumbs = (
    <Breadcrumbs
      items={[
        { href: paths.values, label: t('web.values.title') },
        { href: paths.valuesHistory, label: t('values.history.title') },
        { label: title },
      ]}
    />
  );
  const missing = !valid || (framework.error instanceof ApiError && framework.error.status === 404);
  if (missing)
    return (
      <article className="content-page">
        {crumbs}
        <PageTitle>{title}</PageTitle>
        <Alert tone="warning">{t('values.history.notFound', { version: asked })}</Alert>
        <p>
          <Link to={paths.valuesHistory}>{t('values.history.toHistory')}</Link>
        </p>
      </article>
    );
  return (
    <article className="content-page">
      {crumbs}
      <PageTitle>{title}</PageTitle>
      <QueryState query={framework}>
        {(data) => (
          <>
            <Alert tone={data.status === 'published' ? 'info' : 'warning'}>
              {data.status === 'published' ? t('values.history.current') : t('values.history.superseded')}{' '}
              {data.status === 'published' ? null : (
                <Link to={paths.values}>{t('values.history.toCurrent')}</Link>
              )}
            </Alert>
            <p className="muted">
              {t('values.history.publishedAt')}: {formatDate(data.publishedAt)}
            </p>
            <h2>{pick(locale, data.titleNl, data.titleEn)}</h2>
            <p>{pick(locale, data.introNl, data.introEn)}</p>
            <ValueCards values={data.values} withStatements />
            <p className="muted small">
              {t('values.history.source', { source: data.sourceTitle })}{' '}
              {data.sourceUrl ? (
                <a href={data.sourceUrl} rel="noopener">
                  {data.sourceUrl}
                </a>
              ) : null}
            </p>
            <p>
              <Link to={paths.valuesHistory}>{t('values.history.toHistory')}</Link>
            </p>
          </>
        )}
      </QueryState>
    </article>
  );
}
