import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate, formatDateTime } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import { type Column, Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import {
  type LevelProgress,
  learningKeys,
  levels,
  type Progress,
  tr,
  useOwnAnswers,
  useProgress,
} from './learning-api';
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
            <OwnAnswers />
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

/** The person's latest answers and justifications, and the way to erase all of their results. */
function OwnAnswers() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const answers = useOwnAnswers();
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () => api.learning.eraseResults(),
    onSuccess: async () => {
      setConfirming(false);
      toast.show(t('learning.progress.erased'));
      await queryClient.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
  return (
    <section aria-labelledby="learning-history" className="section">
      <h2 id="learning-history">{t('learning.progress.historyHeading')}</h2>
      <QueryState query={answers}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('learning.progress.noHistory')}</p>
          ) : (
            <ol className="learning-history">
              {list.map((a) => (
                <li key={a.id}>
                  <strong>{tr(locale, a.title)}</strong>{' '}
                  <span className="muted">
                    ({t(`learning.levels.${a.level}`)} · {formatDateTime(a.answeredAt)})
                  </span>
                  <br />
                  {t('learning.progress.yourAnswer')}{' '}
                  {a.choiceText ? tr(locale, a.choiceText) : t(`learning.values.${a.choice}`)}
                  {' — '}
                  {a.correct ? t('learning.practice.right') : t('learning.practice.wrong')}
                  {a.justification ? (
                    <>
                      <br />
                      {t('learning.progress.yourJustification')} <q>{a.justification}</q>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
      <p>
        <Button variant="danger" onPress={() => setConfirming(true)}>
          {t('learning.progress.erase')}
        </Button>
      </p>
      {erase.error ? <ErrorAlert error={erase.error} /> : null}
      <ConfirmDialog
        title={t('learning.progress.eraseTitle')}
        message={<p>{t('learning.progress.eraseText')}</p>}
        confirmLabel={t('learning.progress.eraseConfirm')}
        isOpen={confirming}
        onOpenChange={setConfirming}
        onConfirm={() => erase.mutate()}
        isPending={erase.isPending}
        variant="danger"
      />
    </section>
  );
}
