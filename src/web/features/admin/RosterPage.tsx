import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { formatDateTime, formatNumber } from '../../app/format';
import type { RosterImport } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { AdminPage } from './AdminPage';

const countKeys = ['rowsRead', 'created', 'updated', 'moved', 'left', 'unchanged', 'errorCount'] as const;

export function RosterPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fileId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  // No default: marking everyone missing from the file as a leaver must be the admin's own choice.
  const [removeMissing, setRemoveMissing] = useState<boolean | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const [confirmMass, setConfirmMass] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const choiceId = useId();
  const history = useQuery({
    queryKey: ['org', 'roster-imports'],
    queryFn: () => api.org.rosterImports(),
  });

  const upload = useMutation({
    mutationFn: (input: {
      file: File;
      dryRun: boolean;
      removeMissing: boolean;
      allowMassLeavers: boolean;
    }) => {
      const body = new FormData();
      // Fields before the file: the server reads the stream in order.
      body.append('dryRun', input.dryRun ? 'true' : 'false');
      body.append('removeMissing', input.removeMissing ? 'true' : 'false');
      body.append('allowMassLeavers', input.allowMassLeavers ? 'true' : 'false');
      body.append('file', input.file, input.file.name);
      return api.org.importRoster({ body });
    },
    onSuccess: async (report) => {
      toast.show(report.dryRun ? t('web.roster.checked') : t('web.roster.imported'));
      await queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingFile(!file);
    setMissingChoice(removeMissing === null);
    if (!file || removeMissing === null) return;
    upload.mutate({ file, dryRun, removeMissing, allowMassLeavers: removeMissing && confirmMass });
  };
  const report = upload.data;
  const error = upload.error instanceof ApiError ? upload.error : null;
  // The server refused an import that would mark too many people as leavers; a dry run warns the same way.
  const massRefusal = error?.issues.find((issue) => issue.path === 'allowMassLeavers');
  const needsMassConfirmation =
    removeMissing === true && (massRefusal !== undefined || (report?.dryRun === true && report.massLeavers));

  return (
    <AdminPage section="roster">
      <section aria-labelledby="roster-upload" className="section">
        <h2 id="roster-upload">{t('web.roster.uploadHeading')}</h2>
        <p id={hintId}>{t('web.roster.format')}</p>
        <form onSubmit={submit} className="form" noValidate>
          <div className={`field${missingFile ? ' field--invalid' : ''}`}>
            <label htmlFor={fileId} className="field__label">
              {t('web.roster.file')}
            </label>
            <input
              id={fileId}
              type="file"
              name="file"
              accept=".csv,text/csv"
              className="field__file"
              aria-describedby={missingFile ? `${hintId} ${fileId}-error` : hintId}
              aria-invalid={missingFile || undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissingFile(false);
              }}
            />
            {missingFile ? (
              <p id={`${fileId}-error`} className="field__error">
                {t('web.roster.fileRequired')}
              </p>
            ) : null}
          </div>
          <Checkbox isSelected={dryRun} onChange={setDryRun}>
            {t('web.roster.dryRun')}
          </Checkbox>
          <p className="muted small">{t('web.roster.dryRunHint')}</p>
          <fieldset
            className={`fieldset${missingChoice ? ' field--invalid' : ''}`}
            aria-describedby={missingChoice ? `${choiceId}-error` : undefined}
          >
            <legend>
              {t('org.roster.missing.legend')}
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            </legend>
            <label className="radio">
              <input
                type="radio"
                name="removeMissing"
                value="true"
                checked={removeMissing === true}
                onChange={() => {
                  setRemoveMissing(true);
                  setMissingChoice(false);
                }}
              />{' '}
              {t('org.roster.missing.leavers')}
            </label>
            <label className="radio">
              <input
                type="radio"
                name="removeMissing"
                value="false"
                checked={removeMissing === false}
                onChange={() => {
                  setRemoveMissing(false);
                  setMissingChoice(false);
                  setConfirmMass(false);
                }}
              />{' '}
              {t('org.roster.missing.keep')}
            </label>
            {missingChoice ? (
              <p id={`${choiceId}-error`} className="field__error">
                {t('org.import.choiceRequired.removeMissing')}
              </p>
            ) : null}
          </fieldset>
          {needsMassConfirmation ? (
            <div className="field">
              <Alert tone="warning">
                {massRefusal
                  ? massRefusal.message
                  : t('org.import.massLeavers', {
                      left: report?.left ?? 0,
                      active: report?.activeBefore ?? 0,
                      share: Math.round((report?.maxLeaverShare ?? 0) * 100),
                    })}
              </Alert>
              <Checkbox isSelected={confirmMass} onChange={setConfirmMass}>
                {t('org.roster.confirmMass')}
              </Checkbox>
            </div>
          ) : null}
          <div className="form__actions">
            <Button type="submit" isPending={upload.isPending}>
              {dryRun ? t('web.roster.submitDryRun') : t('web.roster.submit')}
            </Button>
          </div>
        </form>
        {error && !massRefusal ? <Alert tone="error">{error.message}</Alert> : null}
      </section>

      {report ? (
        <section aria-labelledby="roster-report" className="section">
          <h2 id="roster-report">{report.dryRun ? t('web.roster.reportDryRun') : t('web.roster.report')}</h2>
          <Alert tone={report.errorCount ? 'warning' : 'success'}>
            {t('web.roster.summary', { rows: report.rowsRead, errors: report.errorCount })}
          </Alert>
          <dl className="stats">
            {countKeys.map((key) => (
              <div key={key} className="stats__item">
                <dt>{t(`web.roster.counts.${key}`)}</dt>
                <dd>{formatNumber(report[key])}</dd>
              </div>
            ))}
          </dl>
          {report.errors.length ? (
            <>
              <Table
                caption={t('web.roster.errorsCaption')}
                rows={report.errors}
                rowKey={(row) => `${row.line}-${row.column ?? ''}-${row.message}`}
                columns={[
                  {
                    key: 'line',
                    header: t('web.roster.line'),
                    numeric: true,
                    rowHeader: true,
                    cell: (row) => row.line,
                  },
                  { key: 'column', header: t('web.roster.column'), cell: (row) => row.column ?? '' },
                  { key: 'message', header: t('web.roster.message'), cell: (row) => row.message },
                ]}
              />
              {report.errorsTruncated ? <p className="muted">{t('web.roster.errorsTruncated')}</p> : null}
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="roster-history" className="section">
        <h2 id="roster-history">{t('web.roster.history')}</h2>
        <QueryState query={history}>
          {(rows) => (
            <Table
              caption={t('web.roster.historyCaption')}
              captionHidden
              rows={rows}
              rowKey={(row) => row.id}
              empty={t('web.roster.historyEmpty')}
              columns={[
                {
                  key: 'at',
                  header: t('web.roster.startedAt'),
                  rowHeader: true,
                  cell: (row) => formatDateTime(row.startedAt),
                },
                { key: 'file', header: t('web.roster.fileName'), cell: (row) => row.fileName },
                {
                  key: 'dry',
                  header: t('web.roster.mode'),
                  cell: (row) => (row.dryRun ? t('web.roster.modeDryRun') : t('web.roster.modeImport')),
                },
                { key: 'by', header: t('web.roster.by'), cell: (row) => row.accountEmail ?? '' },
                ...countKeys.map((key) => ({
                  key,
                  header: t(`web.roster.counts.${key}`),
                  numeric: true,
                  cell: (row: RosterImport) => formatNumber(row[key]),
                })),
              ]}
            />
          )}
        </QueryState>
      </section>
    </AdminPage>
  );
}
