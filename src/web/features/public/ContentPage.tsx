import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { ContentBody } from './ContentBody';
import { NotFoundPage } from './NotFoundPage';
import { PageFeedback } from './PageFeedback';
import { usePage } from './queries';

export function ContentPage({ slug: fixedSlug }: { slug?: string }) {
  const params = useParams();
  const slug = fixedSlug ?? params.slug;
  const page = usePage(slug);
  if (page.error instanceof ApiError && page.error.status === 404) return <NotFoundPage />;
  return (
    <QueryState query={page}>
      {(data) => (
        <article className="content-page" lang={data.locale}>
          <PageTitle>{data.title}</PageTitle>
          {data.summary ? <p className="lead">{data.summary}</p> : null}
          <ContentBody html={data.bodyHtml} />
          <UpdatedAt value={data.updatedAt} />
          <PageFeedback slug={data.slug} locale={data.locale} />
        </article>
      )}
    </QueryState>
  );
}

export function UpdatedAt({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <p className="muted">
      {t('web.page.updatedAt', {
        date: date.toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'long' }),
      })}
    </p>
  );
}
