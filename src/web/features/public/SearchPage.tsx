import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Button as AriaButton, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { pageHref } from '../../app/paths';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useSearch } from './queries';

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useSearch(q);

  useEffect(() => setDraft(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  };

  let status = '';
  if (q && results.data) status = t('web.search.count', { count: results.data.length, query: q });

  return (
    <>
      <PageTitle title={q ? t('web.search.titleFor', { query: q }) : t('web.search.title')}>
        {t('web.search.title')}
      </PageTitle>
      {/* biome-ignore lint/a11y/useSemanticElements: form role="search" is the landmark screen readers know best. */}
      <form role="search" onSubmit={submit} className="search-form">
        <div className="search-field__row">
          <SearchField
            value={draft}
            onChange={setDraft}
            className="field search-field"
            onClear={() => setDraft('')}
          >
            <Label className="field__label">{t('web.search.label')}</Label>
            <div className="search-field__input-row">
              <Input className="field__input search-field__input" maxLength={200} />
              {draft ? (
                <AriaButton className="search-field__clear" aria-label={t('web.search.clear')}>
                  ×
                </AriaButton>
              ) : null}
            </div>
          </SearchField>
          {/* Outside the SearchField: inside it, react-aria would make this the clear button. */}
          <Button type="submit">{t('web.search.submit')}</Button>
        </div>
      </form>
      {/* The count is announced politely each time a search completes. */}
      <p role="status" className="search-status">
        {status}
      </p>
      {results.isFetching && !results.data ? <Loading label={t('web.search.searching')} /> : null}
      {results.error ? <ErrorAlert error={results.error} /> : null}
      {q && results.data && results.data.length > 0 ? (
        <ol className="search-results">
          {results.data.map((result) => (
            <li key={result.slug} className="search-result">
              <h2 className="search-result__title">
                <Link to={pageHref(result.slug)}>{result.title}</Link>
              </h2>
              <p className="search-result__snippet">{highlight(result.snippet, result.highlights)}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {q && results.data?.length === 0 ? <p>{t('web.search.noResults')}</p> : null}
    </>
  );
}

/**
 * The snippet is plain text; the server marks matched words as [start, end) offsets. Render those
 * ranges as <mark>: the snippet is never parsed as HTML.
 */
export function highlight(snippet: string, ranges: { start: number; end: number }[] = []): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start || end > snippet.length) continue;
    if (start > at) parts.push(snippet.slice(at, start));
    parts.push(<mark key={start}>{snippet.slice(start, end)}</mark>);
    at = end;
  }
  if (at < snippet.length) parts.push(snippet.slice(at));
  return parts;
}
