import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import type { Framework, Locale } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { pick, statementText, valueHeading, valueName } from '../public/localized';
import { type ComparedLine, compareFrameworks, type FrameworkText, type Piece } from './compare';
import { versionHref } from './links';
import './values-history.css';

const asVersion = (value: string | null) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 && number <= 1_000_000 ? number : null;
};

function textOf(framework: Framework, locale: Locale): FrameworkText {
  return {
    title: pick(locale, framework.titleNl, framework.titleEn),
    intro: pick(locale, framework.introNl, framework.introEn),
    values: framework.values.map((value) => ({
      key: value.key,
      name: valueName(locale, value),
      heading: valueHeading(locale, value),
      statements: value.statements.map((statement) => statementText(locale, statement)),
    })),
  };
}

/** Two versions side by side, word changes marked so they read without colour as well. */
export function ValuesComparePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search] = useSearchParams();
  const older = asVersion(search.get('van'));
  const newer = asVersion(search.get('naar'));
  const valid = older !== null && newer !== null && older !== newer;
  const load = (version: number | null) => ({
    queryKey: ['values', 'version', version],
    queryFn: () => api.values.version({ params: { version: version ?? 0 } }),
    enabled: valid,
    retry: false,
  });
  const left = useQuery(load(older));
  const right = useQuery(load(newer));
  const title = valid
    ? t('values.history.compareTitle', { older, newer })
    : t('values.history.compareHeading');
  const crumbs = (
    <Breadcrumbs
      items={[
        { href: paths.values, label: t('web.values.title') },
        { href: paths.valuesHistory, label: t('values.history.title') },
        { label: title },
      ]}
    />
  );
  if (!valid)
    return (
      <article className="content-page">
        {crumbs}
        <PageTitle>{title}</PageTitle>
        <Alert tone="warning">{t('values.history.sameVersion')}</Alert>
        <p>
          <Link to={paths.valuesHistory}>{t('values.history.toHistory')}</Link>
        </p>
      </article>
    );
  const failed = left.error ?? right.error;
  return (
    <article className="content-page values-compare">
      {crumbs}
      <PageTitle>{title}</PageTitle>
      <p>{t('values.history.compareIntro')}</p>
      {failed ? (
        <>
          <ErrorAlert error={failed} />
          <p>
            <Link to={paths.valuesHistory}>{t('values.history.toHistory')}</Link>
          </p>
        </>
      ) : !left.data || !right.data ? (
        <Loading />
      ) : (
        <Comparison older={left.data} newer={right.data} locale={locale} />
      )}
    </article>
  );
}

function Comparison({ older, newer, locale }: { older: Framework; newer: Framework; locale: Locale }) {
  const { t } = useTranslation();
  const compared = compareFrameworks(textOf(older, locale), textOf(newer, locale));
  const row = (label: string, line: ComparedLine, key: string) => (
    <tr key={key} className={line.kind === 'same' ? undefined : 'values-compare__changed'}>
      <th scope="row">{label}</th>
      <td>
        <Side pieces={line.older} missing={line.kind === 'added' ? t('values.history.addedLine') : null} />
      </td>
      <td>
        <Side
          pieces={line.newer}
          missing={line.kind === 'removed' ? t('values.history.removedLine') : null}
        />
      </td>
    </tr>
  );
  return (
    <>
      <p role="status">
        {compared.changes === 0
          ? t('values.history.noChanges')
          : t('values.history.changes', { count: compared.changes })}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-wrap" aria-label={t('values.history.compareHeading')} tabIndex={0}>
        <table className="table values-compare__table">
          <caption className="visually-hidden">
            {t('values.history.compareTitle', { older: older.version, newer: newer.version })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('values.history.element')}</th>
              <th scope="col">
                <Link to={versionHref(older.version)}>
                  {t('values.history.version')} {older.version}
                </Link>
              </th>
              <th scope="col">
                <Link to={versionHref(newer.version)}>
                  {t('values.history.version')} {newer.version}
                </Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {row(t('values.history.titleRow'), compared.title, 'title')}
            {row(t('values.history.introRow'), compared.intro, 'intro')}
            {compared.values.map((value) => (
              <Fragment key={value.key}>
                <tr className="values-compare__value">
                  <th scope="colgroup" colSpan={3}>
                    {value.name}
                  </th>
                </tr>
                {row(t('values.history.headingRow'), value.heading, `${value.key}-heading`)}
                {value.statements.map((line, index) =>
                  row(t('values.history.statementRow', { number: index + 1 }), line, `${value.key}-${index}`),
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** One side of a line; deletions and additions carry hidden words so screen readers hear the change. */
function Side({ pieces, missing }: { pieces: Piece[]; missing: string | null }) {
  const { t } = useTranslation();
  if (missing) return <span className="muted">({missing})</span>;
  return (
    <>
      {pieces.map((piece, index) => {
        const key = `${index}-${piece.change}`;
        if (piece.change === 'removed')
          return (
            <del key={key}>
              <span className="visually-hidden">{t('values.history.removed')} </span>
              {piece.text}
            </del>
          );
        if (piece.change === 'added')
          return (
            <ins key={key}>
              <span className="visually-hidden">{t('values.history.added')} </span>
              {piece.text}
            </ins>
          );
        return <Fragment key={key}>{piece.text}</Fragment>;
      })}
    </>
  );
}
