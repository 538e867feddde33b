import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type contactFeedbackApi, VALUE_KEYS } from '../../../../shared/api/contact-feedback';
import type { RouteOutput } from '../../../../shared/api/contract';
import { brusselsDay } from '../../../../shared/brussels-day';
import { api } from '../../../app/api';
import { formatDate, formatNumber } from '../../../app/format';
import { QueryState } from '../../../ui/QueryState';
import { type Column, Table } from '../../../ui/Table';
import './feedback.css';

type Summary = RouteOutput<typeof contactFeedbackApi.routes.summary>;
type Group = Summary['total'];
type Means = NonNullable<Group['means']>;

const thisMonth = () => brusselsDay().slice(0, 7);

/** The last twelve calendar months: ratings are shown per whole month only (no overlapping periods). */
function lastMonths(): string[] {
  const [year, month] = thisMonth().split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - i, 1));
    return date.toISOString().slice(0, 7);
  });
}

/**
 * Contact feedback per queue and team, as the server released it: hidden groups carry no figures at all, and
 * comments (supervisors only) are plain text.
 */
export function FeedbackSummary({
  headingLevel = 2,
  showComments = false,
}: {
  headingLevel?: 2 | 3;
  /** Supervisors get the citizens' comments; the programme only the figures. */
  showComments?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(thisMonth);
  const monthId = useId();
  const summary = useQuery({
    queryKey: ['contact', 'feedback-summary', month],
    queryFn: () => api.contactFeedback.summary({ query: { month } }),
    placeholderData: (previous) => previous,
  });
  const H = `h${headingLevel}` as const;
  const H2 = `h${headingLevel + 1}` as 'h3' | 'h4';
  const monthLabel = (value: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-BE', {
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${value}-15T12:00:00Z`));
  const name = (group: Group) =>
    group.key === 'all'
      ? t('contactFeedback.summary.total')
      : i18n.language === 'en'
        ? (group.nameEn ?? group.nameNl)
        : group.nameNl;
  const mean = (group: Group, key: keyof Means) =>
    group.means ? (
      group.means[key] === null ? (
        '—'
      ) : (
        formatNumber(group.means[key])
      )
    ) : (
      <span className="feedback-summary__hidden">{t('contactFeedback.summary.hidden')}</span>
    );
  const columns: Column<Group>[] = [
    { key: 'group', header: t('contactFeedback.summary.group'), cell: name, rowHeader: true },
    {
      key: 'n',
      header: t('contactFeedback.summary.n'),
      numeric: true,
      cell: (g) =>
        g.n === null ? (
          <span className="feedback-summary__hidden">{t('contactFeedback.summary.hidden')}</span>
        ) : (
          formatNumber(g.n)
        ),
    },
    {
      key: 'satisfaction',
      header: t('contactFeedback.summary.satisfaction'),
      numeric: true,
      cell: (g) => mean(g, 'satisfaction'),
    },
    ...VALUE_KEYS.map((key) => ({
      key,
      header: t(`contactFeedback.values.${key}`),
      numeric: true,
      cell: (g: Group) => mean(g, key),
    })),
  ];
  return (
    <section className="feedback-summary" aria-labelledby={`${monthId}-title`}>
      <H id={`${monthId}-title`}>{t('contactFeedback.summary.title')}</H>
      <div className="field">
        <label htmlFor={monthId} className="field__label">
          {t('contactFeedback.summary.month')}
        </label>
        <select
          id={monthId}
          className="field__input"
          value={month}
          onChange={(event) => setMonth(event.target.value)}
        >
          {lastMonths().map((value) => (
            <option key={value} value={value}>
              {monthLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={summary}>
        {(data) => (
          <>
            <p className="feedback-summary__as-of">
              {t('contactFeedback.summary.asOf', { date: formatDate(data.releasedAt), k: data.k })}
            </p>
            <p>{t('contactFeedback.summary.hiddenNote', { k: data.k })}</p>
            <Table
              caption={t('contactFeedback.summary.caption', {
                title: t('contactFeedback.summary.byQueue'),
                month: monthLabel(data.month),
              })}
              columns={columns}
              rows={[data.total, ...data.queues]}
              rowKey={(g) => g.key}
            />
            <Table
              caption={t('contactFeedback.summary.caption', {
                title: t('contactFeedback.summary.byTeam'),
                month: monthLabel(data.month),
              })}
              columns={columns}
              rows={data.teams}
              rowKey={(g) => g.key}
              empty={t('contactFeedback.summary.noTeams')}
            />
            {showComments ? (
              <>
                <H2>{t('contactFeedback.summary.comments')}</H2>
                <p>{t('contactFeedback.summary.commentsNote', { k: data.k })}</p>
                {data.comments.length === 0 ? (
                  <p>{t('contactFeedback.summary.noComments')}</p>
                ) : (
                  <ul className="feedback-summary__comments">
                    {/* The citizen's own words, rendered as text (React escapes it), never as HTML. */}
                    {data.comments.map((comment, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id on purpose (anonymous).
                      <li key={index}>{comment.text}</li>
                    ))}
                  </ul>
                )}
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
