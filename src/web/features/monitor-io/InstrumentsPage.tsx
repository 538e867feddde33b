import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { formatDateTime, formatNumber } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { Table } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { AdminPage } from '../admin/AdminPage';
import { ItemsTable, invalidProps } from './shared';

const countKeys = ['rowsRead', 'inserted', 'changed', 'unchanged', 'errorCount'] as const;
const periodicities = ['quarterly', 'half-yearly', 'yearly', 'irregular'] as const;
const units = ['share', 'mean', 'count', 'rate'] as const;
const directions = ['higher', 'lower', 'none'] as const;

type Instrument = Awaited<ReturnType<typeof api.monitorInstruments.instruments>>['items'][number];

/** /beheer/monitor/instrumenten: describe other instruments (BUE and others) and import their results. */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(null);
  const query = useQuery({
    queryKey: ['monitor-instruments'],
    queryFn: () => api.monitorInstruments.instruments(),
  });
  return (
    <AdminPage section="monitorInstruments">
      <QueryState query={query}>
        {(data) => {
          const current = data.items.find((i) => i.id === selected) ?? data.items[0];
          return (
            <>
              <section aria-labelledby="ins-list" className="section">
                <h2 id="ins-list">{t('monitor-io.web.instruments.list')}</h2>
                <ItemsTable
                  caption={t('monitor-io.web.instruments.list')}
                  items={data.items}
                  empty={t('monitor-io.web.instruments.empty')}
                  columns={[
                    {
                      key: 'name',
                      header: t('monitor-io.web.instruments.nameNl'),
                      rowHeader: true,
                      cell: (row) => (currentLocale() === 'en' ? row.nameEn : row.nameNl),
                    },
                    {
                      key: 'slug',
                      header: t('monitor-io.web.instruments.slug'),
                      cell: (row) => <code>{row.slug}</code>,
                    },
                    { key: 'owner', header: t('monitor-io.web.instruments.owner'), cell: (row) => row.owner },
                    {
                      key: 'periodicity',
                      header: t('monitor-io.web.instruments.periodicity'),
                      cell: (row) => t(`monitor-io.web.instruments.periodicities.${row.periodicity}`),
                    },
                    {
                      key: 'indicators',
                      header: t('monitor-io.web.instruments.indicatorCount'),
                      numeric: true,
                      cell: (row) => row.indicators.length,
                    },
                  ]}
                />
              </section>
              {data.items.length > 1 ? (
                <Select
                  label={t('monitor-io.web.instruments.choose')}
                  options={data.items.map((i) => ({
                    id: i.id,
                    label: currentLocale() === 'en' ? i.nameEn : i.nameNl,
                  }))}
                  selectedKey={current?.id ?? null}
                  onSelectionChange={(key) => setSelected(Number(key))}
                />
              ) : null}
              {current ? <InstrumentDetail instrument={current} /> : null}
              <NewInstrumentForm />
            </>
          );
        }}
      </QueryState>
    </AdminPage>
  );
}

function NewInstrumentForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    slug: '',
    nameNl: '',
    nameEn: '',
    owner: '',
    methodNl: '',
    methodEn: '',
    periodicity: 'yearly' as (typeof periodicities)[number],
    link: '',
  });
  const create = useMutation({
    mutationFn: () =>
      api.monitorInstruments.createInstrument({ body: { ...form, link: form.link.trim() || null } }),
    onSuccess: async () => {
      toast.show(t('monitor-io.web.instruments.saved'));
      await queryClient.invalidateQueries({ queryKey: ['monitor-instruments'] });
    },
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="ins-new" className="section">
      <h2 id="ins-new">{t('monitor-io.web.instruments.new')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('monitor-io.web.instruments.slug')}
          description={t('monitor-io.web.instruments.slugHint')}
          value={form.slug}
          onChange={set('slug')}
          isRequired
          {...invalidProps(create.error, 'slug')}
        />
        {(['nameNl', 'nameEn', 'owner'] as const).map((key) => (
          <TextField
            key={key}
            label={t(`monitor-io.web.instruments.${key}`)}
            value={form[key]}
            onChange={set(key)}
            isRequired
            {...invalidProps(create.error, key)}
          />
        ))}
        {(['methodNl', 'methodEn'] as const).map((key) => (
          <TextField
            key={key}
            multiline
            rows={3}
            label={t(`monitor-io.web.instruments.${key}`)}
            value={form[key]}
            onChange={set(key)}
            isRequired
            {...invalidProps(create.error, key)}
          />
        ))}
        <Select
          label={t('monitor-io.web.instruments.periodicity')}
          options={periodicities.map((p) => ({
            id: p,
            label: t(`monitor-io.web.instruments.periodicities.${p}`),
          }))}
          selectedKey={form.periodicity}
          onSelectionChange={(key) => set('periodicity')(String(key))}
        />
        <TextField
          label={t('monitor-io.web.instruments.link')}
          type="url"
          value={form.link}
          onChange={set('link')}
          {...invalidProps(create.error, 'link')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={create.isPending}>
            {t('monitor-io.web.instruments.create')}
          </Button>
        </div>
        {create.error instanceof ApiError && create.error.issues.length === 0 ? (
          <Alert tone="error">{create.error.message}</Alert>
        ) : null}
      </form>
    </section>
  );
}

function InstrumentDetail({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const locale = currentLocale() === 'en' ? 'en' : 'nl';
  const name = locale === 'en' ? instrument.nameEn : instrument.nameNl;
  return (
    <>
      <section aria-labelledby="ins-indicators" className="section">
        <h2 id="ins-indicators">{t('monitor-io.web.instruments.indicators', { name })}</h2>
        <ItemsTable
          caption={t('monitor-io.web.instruments.indicators', { name })}
          items={instrument.indicators}
          empty={t('monitor-io.web.instruments.noIndicators')}
          columns={[
            {
              key: 'label',
              header: t(`monitor-io.web.instruments.label${locale === 'en' ? 'En' : 'Nl'}`),
              rowHeader: true,
              cell: (row) => (locale === 'en' ? row.labelEn : row.labelNl),
            },
            {
              key: 'key',
              header: t('monitor-io.web.instruments.key'),
              cell: (row) => <code>{row.key}</code>,
            },
            {
              key: 'unit',
              header: t('monitor-io.web.instruments.unit'),
              cell: (row) => t(`monitor-io.web.instruments.units.${row.unit}`),
            },
            {
              key: 'min',
              header: t('monitor-io.web.instruments.minPeople'),
              numeric: true,
              cell: (row) => row.minPeople,
            },
          ]}
        />
        <NewIndicatorForm instrumentId={instrument.id} />
      </section>
      <ImportSection instrumentId={instrument.id} />
    </>
  );
}

function NewIndicatorForm({ instrumentId }: { instrumentId: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: '',
    labelNl: '',
    labelEn: '',
    unit: 'share' as (typeof units)[number],
    direction: 'higher' as (typeof directions)[number],
    minPeople: '5',
  });
  const create = useMutation({
    mutationFn: () =>
      api.monitorInstruments.createIndicator({
        params: { id: instrumentId },
        body: { ...form, minPeople: Number(form.minPeople) },
      }),
    onSuccess: async () => {
      toast.show(t('monitor-io.web.instruments.saved'));
      await queryClient.invalidateQueries({ queryKey: ['monitor-instruments'] });
    },
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="ind-new"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h3 id="ind-new">{t('monitor-io.web.instruments.newIndicator')}</h3>
      {(['name', 'labelNl', 'labelEn'] as const).map((key) => (
        <TextField
          key={key}
          label={t(`monitor-io.web.instruments.${key}`)}
          description={key === 'name' ? t('monitor-io.web.instruments.slugHint') : undefined}
          value={form[key]}
          onChange={set(key)}
          isRequired
          {...invalidProps(create.error, key)}
        />
      ))}
      <Select
        label={t('monitor-io.web.instruments.unit')}
        options={units.map((u) => ({ id: u, label: t(`monitor-io.web.instruments.units.${u}`) }))}
        selectedKey={form.unit}
        onSelectionChange={(key) => set('unit')(String(key))}
      />
      <Select
        label={t('monitor-io.web.instruments.direction')}
        options={directions.map((d) => ({ id: d, label: t(`monitor-io.web.instruments.directions.${d}`) }))}
        selectedKey={form.direction}
        onSelectionChange={(key) => set('direction')(String(key))}
      />
      <TextField
        label={t('monitor-io.web.instruments.minPeople')}
        inputMode="numeric"
        value={form.minPeople}
        onChange={set('minPeople')}
        isRequired
        {...invalidProps(create.error, 'minPeople')}
      />
      <div className="form__actions">
        <Button type="submit" isPending={create.isPending}>
          {t('monitor-io.web.instruments.addIndicator')}
        </Button>
      </div>
    </form>
  );
}

function ImportSection({ instrumentId }: { instrumentId: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fileId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [dryRun, setDryRun] = useState(true);
  const history = useQuery({
    queryKey: ['monitor-instruments', instrumentId, 'imports'],
    queryFn: () => api.monitorInstruments.imports({ params: { id: instrumentId } }),
  });
  const upload = useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) => {
      const body = new FormData();
      // Fields before the file: the server reads the stream in order.
      body.append('dryRun', input.dryRun ? 'true' : 'false');
      body.append('file', input.file, input.file.name);
      return api.monitorInstruments.importResults({ params: { id: instrumentId }, body });
    },
    onSuccess: async (report) => {
      toast.show(
        report.dryRun ? t('monitor-io.web.instruments.reportDryRun') : t('monitor-io.web.instruments.report'),
      );
      await queryClient.invalidateQueries({ queryKey: ['monitor-instruments', instrumentId] });
    },
  });
  const report = upload.data;
  return (
    <>
      <section aria-labelledby="ins-import" className="section">
        <h2 id="ins-import">{t('monitor-io.web.instruments.import')}</h2>
        <p id={hintId}>{t('monitor-io.web.instruments.format')}</p>
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setMissingFile(!file);
            if (file) upload.mutate({ file, dryRun });
          }}
        >
          <div className={`field${missingFile ? ' field--invalid' : ''}`}>
            <label htmlFor={fileId} className="field__label">
              {t('monitor-io.web.instruments.file')}
            </label>
            <input
              id={fileId}
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
                {t('monitor-io.web.instruments.fileRequired')}
              </p>
            ) : null}
          </div>
          <Checkbox isSelected={dryRun} onChange={setDryRun}>
            {t('monitor-io.web.instruments.dryRun')}
          </Checkbox>
          <div className="form__actions">
            <Button type="submit" isPending={upload.isPending}>
              {dryRun ? t('monitor-io.web.instruments.submitDryRun') : t('monitor-io.web.instruments.submit')}
            </Button>
          </div>
        </form>
        {upload.error instanceof ApiError ? <Alert tone="error">{upload.error.message}</Alert> : null}
      </section>
      {report ? (
        <section aria-labelledby="ins-report" className="section">
          <h2 id="ins-report">
            {report.dryRun
              ? t('monitor-io.web.instruments.reportDryRun')
              : t('monitor-io.web.instruments.report')}
          </h2>
          <Alert tone={report.errorCount ? 'warning' : 'success'}>
            {t('monitor-io.web.instruments.summary', { rows: report.rowsRead, errors: report.errorCount })}
          </Alert>
          <dl className="stats">
            {countKeys.map((key) => (
              <div key={key} className="stats__item">
                <dt>{t(`monitor-io.web.instruments.counts.${key}`)}</dt>
                <dd>{formatNumber(report[key])}</dd>
              </div>
            ))}
          </dl>
          {report.errors.length ? (
            <Table
              caption={t('monitor-io.web.instruments.errorsCaption')}
              rows={report.errors}
              rowKey={(row) => `${row.line}-${row.column ?? ''}-${row.message}`}
              columns={[
                {
                  key: 'line',
                  header: t('monitor-io.web.instruments.line'),
                  numeric: true,
                  rowHeader: true,
                  cell: (row) => row.line,
                },
                {
                  key: 'column',
                  header: t('monitor-io.web.instruments.column'),
                  cell: (row) => row.column ?? '',
                },
                {
                  key: 'message',
                  header: t('monitor-io.web.instruments.message'),
                  cell: (row) => row.message,
                },
              ]}
            />
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="ins-history" className="section">
        <h2 id="ins-history">{t('monitor-io.web.instruments.history')}</h2>
        <QueryState query={history}>
          {(data) => (
            <ItemsTable
              caption={t('monitor-io.web.instruments.history')}
              items={data.items}
              empty={t('monitor-io.web.instruments.historyEmpty')}
              columns={[
                {
                  key: 'at',
                  header: t('monitor-io.web.instruments.importedAt'),
                  rowHeader: true,
                  cell: (row) => formatDateTime(row.importedAt),
                },
                {
                  key: 'file',
                  header: t('monitor-io.web.instruments.fileName'),
                  cell: (row) => row.fileName,
                },
                {
                  key: 'by',
                  header: t('monitor-io.web.instruments.by'),
                  cell: (row) => row.importedBy ?? '',
                },
                ...countKeys.map((key) => ({
                  key,
                  header: t(`monitor-io.web.instruments.counts.${key}`),
                  numeric: true,
                  cell: (row: (typeof data.items)[number]) => formatNumber(row[key]),
                })),
                {
                  key: 'hash',
                  header: t('monitor-io.web.instruments.hash'),
                  cell: (row) => <code title={row.fileHash}>{row.fileHash.slice(0, 12)}</code>,
                },
              ]}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
