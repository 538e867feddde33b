import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type IavaDimension,
  type InitiativeStatus,
  iavaDimensions,
  initiativeStatuses,
  type ValueKey,
} from '../../../../shared/domain';
import { api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../../ui/QueryState';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { useFramework } from '../../public/queries';
import { InitiativeForm } from './InitiativeForm';
import {
  type Initiative,
  PlansNav,
  type PlanUnit,
  type SurveyAction,
  unitLabel,
  useValueNames,
} from './shared';

/** The unit chosen in the URL, else the first unit the caller keeps a plan for, else the first they read. */
function defaultUnit(units: PlanUnit[], requested: number | null): PlanUnit | undefined {
  return units.find((u) => u.unitId === requested) ?? units.find((u) => u.canEdit) ?? units[0];
}

/** /actieplan: one unit's action plan with filters, its survey actions, and the form for those who keep it. */
export function PlanPage() {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  const requested = Number(search.get('eenheid')) || null;
  const scopes = useQuery({
    queryKey: ['entities', 'plan-scopes'],
    queryFn: () => api.entitiesPlans.scopes(),
  });
  return (
    <>
      <PageTitle>{t('entitiesPlans.plan.title')}</PageTitle>
      <PlansNav />
      <p className="lead">{t('entitiesPlans.plan.lead')}</p>
      <QueryState query={scopes}>
        {(data) => {
          const unit = defaultUnit(data.units, requested);
          if (!unit) return <p>{t('entitiesPlans.plan.noUnits')}</p>;
          return (
            <>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-unit`}>
                  {t('entitiesPlans.plan.unit')}
                </label>
                <select
                  id={`${id}-unit`}
                  className="ent-native"
                  value={unit.unitId}
                  onChange={(event) => setSearch({ eenheid: event.target.value })}
                >
                  {data.units.map((u) => (
                    <option key={u.unitId} value={u.unitId}>
                      {`${'\u00a0\u00a0'.repeat(Math.max(0, u.depth - 1))}${unitLabel(u, t)}`}
                    </option>
                  ))}
                </select>
              </div>
              <UnitPlan unit={unit} key={unit.unitId} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function UnitPlan({ unit }: { unit: PlanUnit }) {
  const { t } = useTranslation();
  const id = useId();
  const { keys, name } = useValueNames();
  const [value, setValue] = useState<ValueKey | ''>('');
  const [dimension, setDimension] = useState<IavaDimension | ''>('');
  const [status, setStatus] = useState<InitiativeStatus | ''>('');
  const [rollup, setRollup] = useState(false);
  const [editing, setEditing] = useState<Initiative | null>(null);
  const [formKey, setFormKey] = useState(0);
  const plan = useQuery({
    queryKey: ['entities', 'plan', unit.unitId, rollup, value, dimension, status],
    queryFn: () =>
      api.entitiesPlans.plan({
        params: { unitId: unit.unitId },
        query: {
          rollup: rollup ? 'true' : 'false',
          value: value || undefined,
          dimension: dimension || undefined,
          status: status || undefined,
        },
      }),
  });
  const filter = <T extends string>(
    field: string,
    label: string,
    current: T | '',
    options: readonly T[],
    text: (option: T) => string,
    onChange: (value: T | '') => void,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <select
        id={`${id}-${field}`}
        className="ent-native"
        value={current}
        onChange={(event) => onChange(event.target.value as T | '')}
      >
        <option value="">{t('entitiesPlans.plan.all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {text(option)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <fieldset className="ent-filters">
        <legend>{t('entitiesPlans.plan.filters')}</legend>
        {filter('value', t('entitiesPlans.plan.filterValue'), value, keys, name, setValue)}
        {filter(
          'dimension',
          t('entitiesPlans.plan.filterDimension'),
          dimension,
          iavaDimensions,
          (d) => t(`entitiesPlans.dimension.${d}`),
          setDimension,
        )}
        {filter(
          'status',
          t('entitiesPlans.plan.filterStatus'),
          status,
          initiativeStatuses,
          (s) => t(`entitiesPlans.status.${s}`),
          setStatus,
        )}
        {unit.canEdit ? (
          <label className="ent-options">
            <input type="checkbox" checked={rollup} onChange={(event) => setRollup(event.target.checked)} />
            {t('entitiesPlans.plan.rollup')}
          </label>
        ) : null}
      </fieldset>
      <EntityFrame entityId={unit.entityId} />
      <QueryState query={plan}>
        {(data) => (
          <>
            {data.canEdit ? null : <Alert tone="info">{t('entitiesPlans.plan.readOnly')}</Alert>}
            <section aria-labelledby={`${id}-initiatives`}>
              <h2 id={`${id}-initiatives`}>
                {t('entitiesPlans.plan.initiatives', { count: data.initiatives.length })}
              </h2>
              {data.initiatives.length === 0 ? <p>{t('entitiesPlans.plan.none')}</p> : null}
              <ul className="ent-list">
                {data.initiatives.map((initiative) => (
                  <li key={initiative.id}>
                    <InitiativeCard
                      initiative={initiative}
                      showUnit={data.rollup}
                      onEdit={() => {
                        setEditing(initiative);
                        setFormKey((k) => k + 1);
                      }}
                    />
                  </li>
                ))}
              </ul>
            </section>
            {data.surveyActions.length > 0 ? (
              <section aria-labelledby={`${id}-survey`}>
                <h2 id={`${id}-survey`}>
                  {t('entitiesPlans.plan.surveyActions', { count: data.surveyActions.length })}
                </h2>
                <p className="muted">{t('entitiesPlans.plan.surveyActionsLead')}</p>
                <ul className="ent-list">
                  {data.surveyActions.map((action) => (
                    <li key={action.id}>
                      <SurveyActionCard action={action} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {data.canEdit ? (
              <InitiativeForm
                key={formKey}
                unitId={unit.unitId}
                editing={editing}
                onDone={() => {
                  setEditing(null);
                  setFormKey((k) => k + 1);
                }}
              />
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The entity's focus values and own words: the "coat rack" its plan hangs on (kept in the values module). */
function EntityFrame({ entityId }: { entityId: number | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { name } = useValueNames();
  const framework = useFramework(entityId);
  const entity = framework.data?.entity;
  if (!entity || (entity.focusValues.length === 0 && entity.translations.length === 0)) return null;
  return (
    <aside
      className="ent-card ent-card--readonly"
      aria-label={t('entitiesPlans.plan.focus', { entity: pick(locale, entity.nameNl, entity.nameEn) })}
    >
      {entity.focusValues.length > 0 ? (
        <p>
          <strong>
            {t('entitiesPlans.plan.focus', { entity: pick(locale, entity.nameNl, entity.nameEn) })}:
          </strong>{' '}
          {entity.focusValues.map(name).join(', ')}
        </p>
      ) : null}
      {entity.translations.length > 0 ? (
        <details>
          <summary>{t('entitiesPlans.plan.ownWords')}</summary>
          <dl className="ent-facts">
            {entity.translations.map((tr) => (
              <Fragment key={tr.valueKey}>
                <dt>{name(tr.valueKey)}</dt>
                <dd>{pick(locale, tr.textNl, tr.textEn)}</dd>
              </Fragment>
            ))}
          </dl>
        </details>
      ) : null}
    </aside>
  );
}

function InitiativeCard({
  initiative,
  showUnit,
  onEdit,
}: {
  initiative: Initiative;
  showUnit: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const { name } = useValueNames();
  const remove = useMutation({
    mutationFn: () => api.entitiesPlans.remove({ params: { id: initiative.id } }),
    onSuccess: async () => {
      toast.show(t('entitiesPlans.plan.deleted'));
      await queryClient.invalidateQueries({ queryKey: ['entities', 'plan'] });
    },
  });
  return (
    <article className="ent-card" aria-label={initiative.title}>
      <h3>{initiative.title}</h3>
      <ul className="ent-tags" aria-label={t('entitiesPlans.plan.value')}>
        {initiative.values.map((v) => (
          <li key={v} className="ent-tag">
            {name(v)}
          </li>
        ))}
      </ul>
      {initiative.description ? <p>{initiative.description}</p> : null}
      <dl className="ent-facts">
        {showUnit ? (
          <>
            <dt>{t('entitiesPlans.plan.unitOf')}</dt>
            <dd>{unitLabel(initiative.unit, t)}</dd>
          </>
        ) : null}
        <dt>{t('entitiesPlans.plan.dimension')}</dt>
        <dd>{t(`entitiesPlans.dimension.${initiative.dimension}`)}</dd>
        <dt>{t('entitiesPlans.plan.strategy')}</dt>
        <dd>{t(`entitiesPlans.strategy.${initiative.strategy}`)}</dd>
        <dt>{t('entitiesPlans.plan.status')}</dt>
        <dd>{t(`entitiesPlans.status.${initiative.status}`)}</dd>
        {initiative.owner ? (
          <>
            <dt>{t('entitiesPlans.plan.owner')}</dt>
            <dd>{initiative.owner.name}</dd>
          </>
        ) : null}
        {initiative.startOn || initiative.dueOn ? (
          <>
            <dt>{t('entitiesPlans.plan.period')}</dt>
            <dd>
              {formatDate(initiative.startOn)} – {formatDate(initiative.dueOn)}
            </dd>
          </>
        ) : null}
        {initiative.expectedEffect ? (
          <>
            <dt>{t('entitiesPlans.plan.expected')}</dt>
            <dd>{initiative.expectedEffect}</dd>
          </>
        ) : null}
        {initiative.observedEffect ? (
          <>
            <dt>{t('entitiesPlans.plan.observed')}</dt>
            <dd>{initiative.observedEffect}</dd>
          </>
        ) : null}
        {initiative.project ? (
          <>
            <dt>{t('entitiesPlans.plan.project')}</dt>
            <dd>{pick(locale, initiative.project.titleNl, initiative.project.titleEn)}</dd>
          </>
        ) : null}
        {initiative.evidenceLinks.length > 0 ? (
          <>
            <dt>{t('entitiesPlans.plan.evidence')}</dt>
            <dd>
              <ul>
                {initiative.evidenceLinks.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer" target="_blank">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {initiative.canEdit ? (
        <div className="ent-actions">
          <Button
            variant="secondary"
            onPress={onEdit}
            aria-label={`${t('entitiesPlans.plan.edit')}: ${initiative.title}`}
          >
            {t('entitiesPlans.plan.edit')}
          </Button>
          <Button
            variant="danger"
            isPending={remove.isPending}
            aria-label={`${t('entitiesPlans.plan.delete')}: ${initiative.title}`}
            onPress={() => {
              if (window.confirm(t('entitiesPlans.plan.confirmDelete', { title: initiative.title })))
                remove.mutate();
            }}
          >
            {t('entitiesPlans.plan.delete')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

function SurveyActionCard({ action }: { action: SurveyAction }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { name } = useValueNames();
  const result = action.itemKey
    ? pick(locale, action.itemTextNl, action.itemTextEn) || action.itemKey
    : action.valueKey
      ? name(action.valueKey)
      : '—';
  return (
    <article className="ent-card ent-card--readonly" aria-label={action.title}>
      <h3>{action.title}</h3>
      <p className="muted">
        {t('entitiesPlans.plan.surveyFrom', {
          wave: pick(locale, action.waveTitleNl, action.waveTitleEn),
          result,
        })}
      </p>
      {action.description ? <p>{action.description}</p> : null}
      <dl className="ent-facts">
        <dt>{t('entitiesPlans.plan.owner')}</dt>
        <dd>{action.owner}</dd>
        <dt>{t('entitiesPlans.plan.status')}</dt>
        <dd>{t(`entitiesPlans.plan.surveyStatus.${action.status}`, { defaultValue: action.status })}</dd>
        {action.dueOn ? (
          <>
            <dt>{t('entitiesPlans.plan.period')}</dt>
            <dd>{t('entitiesPlans.plan.due', { date: formatDate(action.dueOn) })}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
