import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { PageTitle } from '../../ui/PageTitle';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { pick } from '../public/localized';
import { ValueTags } from '../recognition/shared';
import { type PublicStoryList, StoryImages } from './shared';

/** /verhalen: the public site's stories — approved, and only those whose authors consented. */
export function PublicStoriesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['stories', 'public', page],
    queryFn: () => api.stories.publicList({ query: { page } }),
  });
  return (
    <>
      <PageTitle>{t('stories.web.public.title')}</PageTitle>
      <p className="lead">{t('stories.web.public.lead')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('stories.web.public.empty')}</p>
          ) : (
            <>
              <ul className="rec-list">
                {data.items.map((story) => (
                  <li key={story.id}>
                    <PublicStory story={story} />
                  </li>
                ))}
              </ul>
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPageChange={setPage}
                label={t('stories.web.public.title')}
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}

function PublicStory({ story }: { story: PublicStoryList['items'][number] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  return (
    <article className="rec-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{story.title}</h2>
      <p className="muted small">
        {t('stories.web.public.byline', {
          entity: story.entity ? pick(locale, story.entity.nameNl, story.entity.nameEn) : '—',
          date: formatDate(story.createdAt),
        })}
      </p>
      <ValueTags values={story.values} />
      <StoryImages images={story.images} />
      <p className="preserve-lines">{story.body}</p>
    </article>
  );
}
