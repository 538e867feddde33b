import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RouteInput } from '../../../../shared/api/contract';
import type { entitiesPlansApi } from '../../../../shared/api/entities-plans';
import {
  type IavaDimension,
  type InitiativeStatus,
  iavaDimensions,
  initiativeStatuses,
  type ProgrammeStrategy,
  programmeStrategies,
  type ValueKey,
} from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { type Initiative, useValueNames } from './shared';

type Body = RouteInput<typeof entitiesPlansApi.routes.create>['body'];

/** Adds an initiative to a unit's plan, or edits one; the server's field messages appear next to the fields. */
export function InitiativeForm({
  unitId,
  editing,
  onDone,
}: {
  unitId: number;
  editing: Initiative | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const id = useId();
  const { keys, name } = useValueNames();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [values, setValues] = useState<ValueKey[]>(editing?.values ?? []);
  const [dimension, setDimension] = useState<IavaDimension>(editing?.dimension ?? 'strategie');
  const [strategy, setStrategy] = useState<ProgrammeStrategy>(editing?.strategy ?? 'doen');
  const [status, setStatus] = useState<InitiativeStatus>(editing?.status ?? 'idee');
  const [startOn, setStartOn] = useState(editing?.startOn ?? '');
  const [dueOn, setDueOn] = useState(editing?.dueOn ?? '');
  const [expectedEffect, setExpected] = useState(editing?.expectedEffect ?? '');
  const [observedEffect, setObserved] = useState(editing?.observedEffect ?? '');
  const [evidence, setEvidence] = useState((editing?.evidenceLinks ?? []).join('\n'));
  const [projectId, setProjectId] = useState<number | null>(editing?.project?.id ?? null);
  const [owner, setOwner] = useState<{ personId: number; name: string } | null>(editing?.owner ?? null);
  const [ownerSearch, setOwnerSearch] = useState('');

  const projects = useQuery({
    queryKey: ['entities', 'projects'],
    queryFn: () => api.entitiesPlans.projects(),
  });
  const owners = useQuery({
    queryKey: ['entities', 'owners', unitId, ownerSearch],
    queryFn: () => api.entitiesPlans.owners({ query: { unitId, q: ownerSearch.trim() } }),
    enabled: ownerSearch.trim().length >= 2,
  });
  const ownerChoices = [
    ...(owner ? [owner] : []),
    ...(owners.data ?? []).filter((o) => o.personId !== owner?.personId),
  ];

  const save = useMutation({
    mutationFn: (body: Body) =>
      editing
        ? api.entitiesPlans.update({ params: { id: editing.id }, body })
        : api.entitiesPlans.create({ params: { unitId }, body }),
    onSuccess: async () => {
      toast.show(t('entitiesPlans.form.saved'));
      await queryClient.invalidateQueries({ queryKey: ['entities', 'plan'] });
      onDone();
    },
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const errors = serverError?.fieldErrors() ?? {};
  const evidenceError = Object.entries(errors).find(([path]) => path.startsWith('evidenceLinks'))?.[1];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      title,
      description,
      values,
      dimension,
      strategy,
      status,
      ownerPersonId: owner?.personId ?? null,
      startOn: startOn || null,
      dueOn: dueOn || null,
      expectedEffect,
      observedEffect,
      evidenceLinks: evidence
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      projectId,
    });
  };

  const nativeSelect = <T extends string>(
    field: string,
    label: string,
    value: T,
    options: readonly T[],
    text: (option: T) => string,
    onChange: (value: T) => void,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <select
        id={`${id}-${field}`}
        className="ent-native"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {text(option)}
          </option>
        ))}
      </select>
      {errors[field] ? (
        <p className="field__error" id={`${id}-${field}-error`}>
          {errors[field]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="ent-card">
      <h2 id={`${id}-heading`}>{editing ? t('entitiesPlans.form.edit') : t('entitiesPlans.form.new')}</h2>
      <Form onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="form">
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <TextField
          name="title"
          label={t('entitiesPlans.form.titleField')}
          value={title}
          onChange={setTitle}
          isRequired
          errorMessage={errors.title}
        />
        <TextField
          name="description"
          label={t('entitiesPlans.form.description')}
          value={description}
          onChange={setDescription}
          multiline
          rows={3}
          errorMessage={errors.description}
        />
        <fieldset
          className="fieldset"
          aria-describedby={errors.values ? `${id}-values-error` : undefined}
          aria-invalid={errors.values ? true : undefined}
        >
          <legend>{t('entitiesPlans.form.values')}</legend>
          <div className="ent-options">
            {keys.map((key) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={values.includes(key)}
                  onChange={(event) =>
                    setValues(event.target.checked ? [...values, key] : values.filter((v) => v !== key))
                  }
                />
                {name(key)}
              </label>
            ))}
          </div>
          {errors.values ? (
            <p className="field__error" id={`${id}-values-error`}>
              {errors.values}
            </p>
          ) : null}
        </fieldset>
        <div className="ent-grid-2">
          {nativeSelect(
            'dimension',
            t('entitiesPlans.form.dimension'),
            dimension,
            iavaDimensions,
            (d) => t(`entitiesPlans.dimension.${d}`),
            setDimension,
          )}
          {nativeSelect(
            'strategy',
            t('entitiesPlans.form.strategy'),
            strategy,
            programmeStrategies,
            (s) => t(`entitiesPlans.strategy.${s}`),
            setStrategy,
          )}
          {nativeSelect(
            'status',
            t('entitiesPlans.form.status'),
            status,
            initiativeStatuses,
            (s) => t(`entitiesPlans.status.${s}`),
            setStatus,
          )}
        </div>
        <div className="ent-grid-2">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-owner-search`}>
              {t('entitiesPlans.form.owner')}
            </label>
            <p className="field__description" id={`${id}-owner-hint`}>
              {t('entitiesPlans.form.ownerHint')}
            </p>
            <input
              id={`${id}-owner-search`}
              type="search"
              className="ent-native"
              value={ownerSearch}
              aria-describedby={`${id}-owner-hint`}
              onChange={(event) => setOwnerSearch(event.target.value)}
            />
          </div>
          {nativeSelect(
            'ownerPersonId',
            t('entitiesPlans.plan.owner'),
            owner ? String(owner.personId) : '',
            ['', ...ownerChoices.map((o) => String(o.personId))],
            (value) =>
              value === ''
                ? t('entitiesPlans.form.ownerNone')
                : (ownerChoices.find((o) => String(o.personId) === value)?.name ?? value),
            (value) => setOwner(ownerChoices.find((o) => String(o.personId) === value) ?? null),
          )}
        </div>
        <div className="ent-grid-2">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-start`}>
              {t('entitiesPlans.form.start')}
            </label>
            <input
              id={`${id}-start`}
              type="date"
              className="ent-native"
              value={startOn}
              onChange={(event) => setStartOn(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-due`}>
              {t('entitiesPlans.form.due')}
            </label>
            <input
              id={`${id}-due`}
              type="date"
              className="ent-native"
              value={dueOn}
              onChange={(event) => setDueOn(event.target.value)}
              aria-invalid={errors.dueOn ? true : undefined}
              aria-describedby={errors.dueOn ? `${id}-due-error` : undefined}
            />
            {errors.dueOn ? (
              <p className="field__error" id={`${id}-due-error`}>
                {errors.dueOn}
              </p>
            ) : null}
          </div>
        </div>
        <TextField
          name="expectedEffect"
          label={t('entitiesPlans.form.expected')}
          value={expectedEffect}
          onChange={setExpected}
          multiline
          rows={2}
          errorMessage={errors.expectedEffect}
        />
        <TextField
          name="observedEffect"
          label={t('entitiesPlans.form.observed')}
          value={observedEffect}
          onChange={setObserved}
          multiline
          rows={2}
          errorMessage={errors.observedEffect}
        />
        <TextField
          name="evidenceLinks"
          label={t('entitiesPlans.form.evidence')}
          value={evidence}
          onChange={setEvidence}
          multiline
          rows={2}
          errorMessage={evidenceError}
        />
        {nativeSelect(
          'projectId',
          t('entitiesPlans.form.project'),
          projectId === null ? '' : String(projectId),
          [
            '',
            ...(projects.data ?? []).filter((p) => p.active || p.id === projectId).map((p) => String(p.id)),
          ],
          (value) => {
            const project = projects.data?.find((p) => String(p.id) === value);
            return project
              ? pick(locale, project.titleNl, project.titleEn)
              : t('entitiesPlans.form.noProject');
          },
          (value) => setProjectId(value === '' ? null : Number(value)),
        )}
        <div className="ent-actions">
          <Button type="submit" isPending={save.isPending}>
            {t('entitiesPlans.form.save')}
          </Button>
          {editing ? (
            <Button variant="secondary" onPress={onDone}>
              {t('entitiesPlans.form.cancel')}
            </Button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
