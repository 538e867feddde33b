import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { hasRole, useMe } from '../../app/session';
import type { ValueKey } from '../../app/types';
import { ButtonLink } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { pick } from '../public/localized';
import { RecognitionNav, recognitionPaths, useValueNames } from '../recognition/shared';
import { StoryCard } from './shared';

/** /galerij: approved stories and art for all staff, filterable by value and entity. */
export function GalleryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe().data;
  const { keys, name } = useValueNames();
  const [value, setValue] = useState<ValueKey | ''>('');
  const [entityId, setEntityId] = useState<string>('');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['stories', 'gallery', value, entityId, page],
    queryFn: () =>
      api.stories.gallery({
        query: { value: value || undefined, entityId: entityId || undefined, page },
      }),
  });
  return (
    <>
      <PageTitle>{t('stories.web.gallery.title')}</PageTitle>
      <RecognitionNav />
      <p className="lead">{t('stories.web.gallery.lead')}</p>
      {hasRole(me, 'employee') ? (
        <p>
          <ButtonLink href={recognitionPaths.submit}>{t('stories.web.gallery.share')}</ButtonLink>
        </p>
      ) : null}
      <form
        className="rec-card__actions"
        onSubmit={(event) => event.preventDefault()}
        aria-label={t('stories.web.gallery.filters')}
      >
        <label className="field">
          <span className="field__label">{t('stories.web.gallery.value')}</span>
          <select
            className="field__input"
            value={value}
            onChange={(event) => {
              setValue(event.target.value as ValueKey | '');
              setPage(1);
            }}
          >
            <option value="">{t('stories.web.gallery.allValues')}</option>
            {keys.map((k) => (
              <option key={k} value={k}>
                {name(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('stories.web.gallery.entity')}</span>
          <select
            className="field__input"
            value={entityId}
            onChange={(event) => {
              setEntityId(event.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('stories.web.gallery.allEntities')}</option>
            {(query.data?.entities ?? []).map((e) => (
              <option key={e.id} value={String(e.id)}>
                {pick(locale, e.nameNl, e.nameEn)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryState query={query}>
        {(data) => (
          <>
            <p role="status">{t('stories.web.gallery.count', { count: data.total })}</p>
            <ul className="rec-gallery">
              {data.items.map((story) => (
                <li key={story.id}>
                  <StoryCard story={story} />
                </li>
              ))}
            </ul>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={setPage}
              label={t('stories.web.gallery.title')}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
