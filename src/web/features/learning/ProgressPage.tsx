import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { paths } from '../../app/paths';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { type Column, Table } from '../../ui/Table';
import { type LevelProgress, levels, type Progress, useProgress } from './learning-api';
import './learning.css';

type Row = Progress['values'][number];

/** /leren/voortgang — the person's own results; nobody else can read them. */
export function ProgressPage() {
  const { t } = useTranslation();
  const progress = useProgress();

  const levelCell = (p: LevelProgress | undefined) => {
    if (!p || p.total === 0) return '—';
    return p.mastered
      ? `✓ ${t('learning.progress.mastered')} (${t('learning.progress.rightOf', { correct: p.correct, total: p.total })})`
      : t('learning.progress.notYet', { correct: p.correct, required: p.required, total: p.total });
  };

  const columns: Column<Row>[] = [
    {
      key: 'value',
      header: t('learning.progress.value'),
      rowHeader: true,
      cell: (row) => t(`learning.values.${row.valueKey}`),
    },
    {
      key: 'path',
      header: t('learning.progress.path'),
      cell: (row) =>
        row.completedAt ? (
          `✓ ${formatDate(row.completedAt)}`
        ) : (
          <Link to={`${paths.learning}/${row.valueKey}`}>{t('learning.progress.startPath')}</Link>
        ),
    },
    ...levels.map((level) => ({
      key: level,
      header: t(`learning.levels.${level}`),
      cell: (row: Row) => levelCell(row.levels.find((l) => l.level === level)),
    })),
  ];

  return (
    <>
      <Breadcrumbs
        items={[
          { href: paths.learning, label: t('learning.home.title') },
          { label: t('learning.progress.title') },
        ]}
      />
      <PageTitle>{t('learning.progress.title')}</PageTitle>
      <p className="lead">{t('learning.progress.lead')}</p>
      <p className="muted">{t('learning.privacy')}</p>
      <QueryState query={progress}>
        {(data) => (
          <>
            <Table
              caption={t('learning.progress.caption')}
              columns={columns}
              rows={data.values}
              rowKey={(row) => row.valueKey}
            />
            <h2>{t('learning.progress.reviewHeading')}</h2>
            <p>
              {data.dueNow > 0
                ? t('learning.home.dueNow', { count: data.dueNow })
                : data.nextDueAt
                  ? t('learning.home.nextDue', { date: formatDate(data.nextDueAt) })
                  : t('learning.home.nothingDue')}
            </p>
            <p>
              <Link className="btn btn--primary" to={paths.learningPractice}>
                {t('learning.home.practiceAll')}
              </Link>
            </p>
            <h2>{t('learning.progress.levelsHeading')}</h2>
            <dl>
              {levels.map((level) => (
                <div key={level}>
                  <dt>
                    <strong>{t(`learning.levels.${level}`)}</strong>
                  </dt>
                  <dd>{t(`learning.levelHelp.${level}`)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </QueryState>
    </>
  );
}
