import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, Loading, QueryState } from '../../ui/QueryState';
import { PublishedProfilesBlock } from '../entities/profile/PublishedProfilesBlock';
import { ContentBody } from './ContentBody';
import { UpdatedAt } from './ContentPage';
import { IavaModel } from './IavaModel';
import { pick } from './localized';
import { PageFeedback } from './PageFeedback';
import { useFramework, usePage } from './queries';
import { valuesSourceUrl } from './sources';
import { ValueCards } from './ValueCards';

/**
 * Splits the page text before its first third-level heading, where the text turns from the model's
 * elements to organisation strategy: the drawing of the model belongs right after its introduction.
 * A page edited without such a heading gets the drawing after its text.
 */
function splitForModel(html: string): [string, string] {
  const at = html.indexOf('<h3');
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at)];
}

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
              <p>
                {t('web.values.video.text')}{' '}
                <a href={valuesSourceUrl} rel="noopener">
                  {t('web.values.video.link')}
                </a>{' '}
                {t('web.values.video.note')}
              </p>
              <ValueCards values={data.values} withStatements />
              <p className="muted small">
                {t('web.values.source', { source: data.sourceTitle, version: data.version })}{' '}
                <a href={data.sourceUrl ?? valuesSourceUrl} rel="noopener">
                  {t('web.values.sourceLink')}
                </a>
                {locale === 'en' ? ` ${t('web.values.translationNote')}` : ''}
              </p>
              <p>
                <Link to={paths.valuesHistory}>{t('values.history.link')}</Link>
              </p>
            </>
          )}
        </QueryState>
      </section>
      {page.error && !pageMissing ? <ErrorAlert error={page.error} /> : null}
      {page.data ? <PageBody html={page.data.bodyHtml} /> : <IavaModel />}
      <SupportOffer />
      {page.data ? <UpdatedAt value={page.data.updatedAt} /> : null}
      <PublishedProfilesBlock />
      <PageFeedback slug="waarden" locale={locale} />
    </article>
  );
}

function PageBody({ html }: { html: string }) {
  const [before, after] = splitForModel(html);
  return (
    <>
      <ContentBody html={before} />
      <IavaModel />
      {after ? <ContentBody html={after} /> : null}
    </>
  );
}

/** What entities can ask for, and where coordinators find the catalogue to request it. */
function SupportOffer() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="values-support" className="section prose">
      <h2 id="values-support">{t('web.values.support.heading')}</h2>
      <p>{t('web.values.support.intro')}</p>
      <ul>
        <li>{t('web.values.support.workshops')}</li>
        <li>{t('web.values.support.coaching')}</li>
        <li>{t('web.values.support.materials')}</li>
      </ul>
      <p>{t('web.values.support.how')}</p>
      <p>
        <Link to={paths.mySupport}>{t('web.values.support.catalogue')}</Link>
      </p>
    </section>
  );
}
