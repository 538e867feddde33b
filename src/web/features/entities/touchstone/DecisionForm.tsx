import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type DecisionSharing,
  type DecisionWeighing,
  decisionSharings,
  decisionWeighings,
  type ValueKey,
  valueKeys,
} from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { useValueNames } from '../plans/shared';
import type { Decision, DecisionList } from './shared';

type Weighing = { value: ValueKey; weighing: DecisionWeighing; reasoning: string };

/** Records a decision or edits an own one: every value weighed, with reasoning where it mattered. */
export function DecisionForm({
  units,
  editing,
  onDone,
}: {
  units: DecisionList['units'];
  editing: Decision | null;
  onDone: (id: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const { name } = useValueNames();
  const [unitId, setUnitId] = useState<number>(editing?.unit.unitId ?? units[0]?.unitId ?? 0);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [decidedOn, setDecidedOn] = useState(editing?.decidedOn ?? '');
  const [context, setContext] = useState(editing?.context ?? '');
  const [options, setOptions] = useState(editing?.options ?? '');
  const [decision, setDecision] = useState(editing?.decision ?? '');
  const [weighings, setWeighings] = useState<Weighing[]>(
    valueKeys.map(
      (value) =>
        editing?.weighings.find((w) => w.value === value) ?? {
          value,
          weighing: 'not_relevant',
          reasoning: '',
        },
    ),
  );
  const [risks, setRisks] = useState(editing?.risks ?? '');
  const [lessons, setLessons] = useState(editing?.lessons ?? '');
  const [sharing, setSharing] = useState<DecisionSharing>(editing?.sharing ?? 'private');
  const unitChoices =
    editing && !units.some((u) => u.unitId === editing.unit.unitId) ? [editing.unit, ...units] : units;

  const save = useMutation({
    mutationFn: () => {
      const body = {
        unitId,
        title,
        decidedOn: decidedOn || null,
        context,
        options,
        decision,
        weighings,
        risks,
        lessons,
        sharing,
      };
      return editing
        ? api.entitiesTouchstone.update({ params: { id: editing.id }, body })
        : api.entitiesTouchstone.create({ body });
    },
    onSuccess: async (saved) => {
      toast.show(t('entitiesTouchstone.form.saved'));
      await queryClient.invalidateQueries({ queryKey: ['entities', 'decisions'] });
      onDone(saved.id);
    },
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const errors = serverError?.fieldErrors() ?? {};
  const weighingsError = Object.entries(errors).find(([path]) => path.startsWith('weighings'))?.[1];
  const setWeighing = (value: ValueKey, patch: Partial<Weighing>) =>
    setWeighings((list) => list.map((w) => (w.value === value ? { ...w, ...patch } : w)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  if (unitChoices.length === 0) return <Alert tone="info">{t('entitiesTouchstone.form.noUnits')}</Alert>;
  return (
    <section aria-labelledby={`${id}-heading`} className="ent-card ent-no-print">
      <h2 id={`${id}-heading`}>
        {editing ? t('entitiesTouchstone.form.edit') : t('entitiesTouchstone.form.new')}
      </h2>
      <Form onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="form">
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <div className="ent-grid-2">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-unit`}>
              {t('entitiesTouchstone.form.unit')}
            </label>
            <select
              id={`${id}-unit`}
              className="ent-native"
              value={unitId}
              onChange={(event) => setUnitId(Number(event.target.value))}
              aria-invalid={errors.unitId ? true : undefined}
              aria-describedby={errors.unitId ? `${id}-unit-error` : undefined}
            >
              {unitChoices.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {pick(locale, u.nameNl, u.nameEn)}
                </option>
              ))}
            </select>
            {errors.unitId ? (
              <p className="field__error" id={`${id}-unit-error`}>
                {errors.unitId}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-date`}>
              {t('entitiesTouchstone.form.decidedOn')}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              className="ent-native"
              value={decidedOn}
              onChange={(event) => setDecidedOn(event.target.value)}
            />
          </div>
        </div>
        <TextField
          name="title"
          label={t('entitiesTouchstone.form.titleField')}
          value={title}
          onChange={setTitle}
          isRequired
          errorMessage={errors.title}
        />
        <TextField
          name="context"
          label={t('entitiesTouchstone.form.context')}
          value={context}
          onChange={setContext}
          multiline
          rows={3}
          isRequired
          errorMessage={errors.context}
        />
        <TextField
          name="options"
          label={t('entitiesTouchstone.form.options')}
          value={options}
          onChange={setOptions}
          multiline
          rows={3}
          errorMessage={errors.options}
        />
        <TextField
          name="decision"
          label={t('entitiesTouchstone.form.decision')}
          value={decision}
          onChange={setDecision}
          multiline
          rows={3}
          isRequired
          errorMessage={errors.decision}
        />
        <fieldset className="fieldset" aria-describedby={weighingsError ? `${id}-weigh-error` : undefined}>
          <legend>{t('entitiesTouchstone.form.weighings')}</legend>
          {weighingsError ? (
            <p className="field__error" id={`${id}-weigh-error`}>
              {weighingsError}
            </p>
          ) : null}
          {weighings.map((w) => (
            <fieldset key={w.value} className="ent-weigh">
              <legend>{name(w.value)}</legend>
              <div className="ent-options">
                {decisionWeighings.map((option) => (
                  <label key={option}>
                    <input
                      type="radio"
                      name={`${id}-weigh-${w.value}`}
                      checked={w.weighing === option}
                      onChange={() => setWeighing(w.value, { weighing: option })}
                    />
                    {t(`entitiesTouchstone.weighing.${option}`)}
                  </label>
                ))}
              </div>
              <TextField
                label={t('entitiesTouchstone.form.reasoning', { value: name(w.value) })}
                value={w.reasoning}
                onChange={(reasoning) => setWeighing(w.value, { reasoning })}
                multiline
                rows={2}
              />
            </fieldset>
          ))}
        </fieldset>
        <TextField
          name="risks"
          label={t('entitiesTouchstone.form.risks')}
          value={risks}
          onChange={setRisks}
          multiline
          rows={2}
          errorMessage={errors.risks}
        />
        <TextField
          name="lessons"
          label={t('entitiesTouchstone.form.lessons')}
          value={lessons}
          onChange={setLessons}
          multiline
          rows={2}
          errorMessage={errors.lessons}
        />
        <fieldset className="fieldset">
          <legend>{t('entitiesTouchstone.form.sharing')}</legend>
          <div className="ent-options">
            {decisionSharings.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name={`${id}-sharing`}
                  checked={sharing === option}
                  onChange={() => setSharing(option)}
                />
                {t(`entitiesTouchstone.sharing.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="ent-actions">
          <Button type="submit" isPending={save.isPending}>
            {t('entitiesTouchstone.form.save')}
          </Button>
          {editing ? (
            <Button variant="secondary" onPress={() => onDone(editing.id)}>
              {t('entitiesTouchstone.form.cancel')}
            </Button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
