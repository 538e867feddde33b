import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type SurveyActionStatus,
  surveyActionStatuses as statuses,
  valueKeys,
} from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { QueryState } from '../../../ui/QueryState';
import { Select } from '../../../ui/Select';
import { Table } from '../../../ui/Table';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';

type Status = SurveyActionStatus;

const VALUES = valueKeys;

/** Action planning for one unit of a closed wave: the list with the results they came from, and a form. */
export function ActionsPanel({ waveId, unitId }: { waveId: number; unitId: number }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const key = ['survey-actions', waveId, unitId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.surveyActions.list({ query: { waveId, unitId } }),
  });
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [basis, setBasis] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.surveyActions.create({
        body: { waveId, unitId, title, owner, dueOn: dueOn || null, valueKey: basis || null },
      }),
    onSuccess: async () => {
      setTitle('');
      setOwner('');
      setDueOn('');
      setBasis('');
      setError(null);
      toast.show(t('surveyResults.actions.saved'), 'success');
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
  });
  const setStatus = useMutation({
    mutationFn: (v: { id: number; status: Status }) =>
      api.surveyActions.update({ params: { id: v.id }, body: { status: v.status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.surveyActions.remove({ params: { id } }),
    onSuccess: async () => {
      toast.show(t('surveyResults.actions.deleted'), 'success');
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const en = i18n.language === 'en';
  const valueName = (k: string) => t(`surveyResults.values.${k}`, { defaultValue: k });
  const fmt = (x: number | null, d = 1) =>
    x === null
      ? t('surveyResults.hidden')
      : x.toLocaleString(en ? 'en-GB' : 'nl-BE', { maximumFractionDigits: d });
  return (
    <QueryState query={list}>
      {(data) => (
        <>
          <Table
            caption={t('surveyResults.actions.caption')}
            rows={data.actions}
            rowKey={(a) => a.id}
            empty={t('surveyResults.actions.empty')}
            columns={[
              {
                key: 'title',
                header: t('surveyResults.actions.title'),
                rowHeader: true,
                cell: (a) => a.title,
              },
              { key: 'owner', header: t('surveyResults.actions.owner'), cell: (a) => a.owner },
              { key: 'due', header: t('surveyResults.actions.due'), cell: (a) => formatDate(a.dueOn) },
              {
                key: 'result',
                header: t('surveyResults.actions.result'),
                cell: (a) =>
                  a.result
                    ? a.valueKey
                      ? `${valueName(a.valueKey)}: ${fmt(a.result.index)}`
                      : `${en ? a.result.textEn || a.result.textNl : a.result.textNl}: ${fmt(a.result.mean, 2)}`
                    : t('surveyResults.actions.basisNone'),
              },
              {
                key: 'status',
                header: t('surveyResults.actions.status'),
                cell: (a) => (
                  <Select
                    label={`${t('surveyResults.actions.status')}: ${a.title}`}
                    className="field--compact"
                    options={statuses.map((s) => ({
                      id: s,
                      label: t(`surveyResults.actions.statuses.${s}`),
                    }))}
                    selectedKey={a.status}
                    onSelectionChange={(s) => setStatus.mutate({ id: a.id, status: s as Status })}
                  />
                ),
              },
              {
                key: 'delete',
                header: <span className="visually-hidden">{t('surveyResults.actions.delete')}</span>,
                cell: (a) => (
                  <Button
                    variant="quiet"
                    aria-label={`${t('surveyResults.actions.delete')}: ${a.title}`}
                    onPress={() => remove.mutate(a.id)}
                  >
                    {t('surveyResults.actions.delete')}
                  </Button>
                ),
              },
            ]}
          />
          {data.canWrite ? (
            <form
              className="survey-actions__form"
              aria-labelledby="new-action"
              onSubmit={(e) => {
                e.preventDefault();
                create.mutate();
              }}
            >
              <h2 id="new-action">{t('surveyResults.actions.new')}</h2>
              {error ? <Alert tone="error">{error}</Alert> : null}
              <TextField
                label={t('surveyResults.actions.title')}
                value={title}
                onChange={setTitle}
                isRequired
                maxLength={200}
              />
              <TextField
                label={t('surveyResults.actions.owner')}
                value={owner}
                onChange={setOwner}
                isRequired
                maxLength={200}
              />
              <TextField
                label={t('surveyResults.actions.due')}
                value={dueOn}
                onChange={setDueOn}
                type="date"
              />
              <Select
                label={t('surveyResults.actions.basis')}
                options={[
                  { id: '', label: t('surveyResults.actions.basisNone') },
                  ...VALUES.map((v) => ({ id: v, label: valueName(v) })),
                ]}
                selectedKey={basis}
                onSelectionChange={(k) => setBasis(String(k))}
              />
              <div>
                <Button type="submit" isDisabled={create.isPending}>
                  {t('surveyResults.actions.save')}
                </Button>
              </div>
            </form>
          ) : null}
        </>
      )}
    </QueryState>
  );
}
