import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { pick } from '../public/localized';
import { compareHref, versionHref } from './links';

/**
 * Every published version of the framework, and a form to compare two. The form is a plain GET form, so
 * it works before the script has loaded and the comparison has a URL one can share.
 */
export function ValuesHistoryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const versions = useQuery({ queryKey: ['values', 'versions'], queryFn: () => api.values.versions() });
  return (
    <article className="content-page">
      <Breadcrumbs
        items={[{ href: paths.values, label: t('web.values.title') }, { label: t('values.history.title') }]}
      />
      <PageTitle>{t('values.history.title')}</PageTitle>
      <p className="lead">{t('values.history.intro')}</p>
      <QueryState query={versions}>
        {(rows) => {
          const published = [...rows].sort((a, b) => b.version - a.version);
          const newest = published[0]?.version;
          const previous = published[1]?.version;
          return (
            <>
              <Table
                caption={t('values.history.tableCaption')}
                rows={published}
                rowKey={(row) => row.version}
                empty={t('values.history.none')}
                columns={[
                  {
                    key: 'version',
                    header: t('values.history.version'),
                    rowHeader: true,
                    cell: (row) => (
                      <Link
                        to={versionHref(row.version)}
                        aria-label={t('values.history.open', { version: row.version })}
                      >
                        {row.version}
                      </Link>
                    ),
                  },
                  {
                    key: 'title',
                    header: t('values.history.titleColumn'),
                    cell: (row) => pick(locale, row.titleNl, row.titleEn),
                  },
                  {
                    key: 'status',
                    header: t('values.history.status'),
                    cell: (row) => t(`values.status.${row.status}`),
                  },
                  {
                    key: 'published',
                    header: t('values.history.publishedAt'),
                    cell: (row) => formatDate(row.publishedAt),
                  },
                ]}
              />
              <section aria-labelledby="values-compare" className="section">
                <h2 id="values-compare">{t('values.history.compareHeading')}</h2>
                {newest !== undefined && previous !== undefined ? (
                  <form method="get" action={paths.valuesCompare} className="inline-form">
                    <VersionSelect
                      name="van"
                      label={t('values.history.older')}
                      versions={published}
                      selected={previous}
                    />
                    <VersionSelect
                      name="naar"
                      label={t('values.history.newer')}
                      versions={published}
                      selected={newest}
                    />
                    <button type="submit" className="btn btn--primary">
                      {t('values.history.compare')}
                    </button>
                  </form>
                ) : (
                  <p>{t('values.history.onlyOne')}</p>
                )}
                {newest !== undefined && previous !== undefined ? (
                  <p>
                    <Link to={compareHref(previous, newest)}>
                      {t('values.history.compareTitle', { older: previous, newer: newest })}
                    </Link>
                  </p>
                ) : null}
              </section>
            </>
          );
        }}
      </QueryState>
    </article>
  );
}

function VersionSelect({
  name,
  label,
  versions,
  selected,
}: {
  name: string;
  label: string;
  versions: { version: number; publishedAt: string | null }[];
  selected: number;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select name={name} defaultValue={String(selected)} className="field__input">
        {versions.map((row) => (
          <option key={row.version} value={row.version}>
            {row.version} ({formatDate(row.publishedAt)})
          </option>
        ))}
      </select>
    </label>
  );
}
