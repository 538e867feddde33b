import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, Loading, QueryState } from '../../ui/QueryState';
import { PublishedProfilesBlock } from '../entities/profile/PublishedProfilesBlock';
import { ContentBody } from './ContentBody';
import { UpdatedAt } from './ContentPage';
import { pick } from './localized';
import { PageFeedback } from './PageFeedback';
import { useFramework, usePage } from './queries';
import { ValueCards } from './ValueCards';

/** The public values page: the editable page text plus the current framework's values and statements. */
export function ValuesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const page = usePage('waarden');
  const framework = useFramework();
  const pageMissing = page.error instanceof ApiError && page.error.status === 404;

  if (page.isPending && !pageMissing) return <Loading />;
  return (
    <article className="content-page" lang={page.data?.locale ?? locale}>
      <PageTitle>{page.data?.title ?? t('web.values.title')}</PageTitle>
      {page.data?.summary ? <p className="lead">{page.data.summary}</p> : null}
      <section aria-labelledby="values-cards" className="section">
        <h2 id="values-cards">{t('web.values.cardsHeading')}</h2>
        <QueryState query={framework}>
          {(data) => (
            <>
              <p>{pick(locale, data.introNl, data.introEn)}</p>
              <ValueCards values={data.values} withStatements />
              <p className="muted small">
                {t('web.values.source', { source: data.sourceTitle, version: data.version })}
                {locale === 'en' ? ` ${t('web.values.translationNote')}` : ''}
              </p>
            </>
          )}
        </QueryState>
      </section>
      {page.error && !pageMissing ? <ErrorAlert error={page.error} /> : null}
      {page.data ? (
        <>
          <ContentBody html={page.data.bodyHtml} />
          <UpdatedAt value={page.data.updatedAt} />
        </>
      ) : null}
      <PublishedProfilesBlock />
      <PageFeedback slug="waarden" locale={locale} />
    </article>
  );
}
