import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RouteInput } from '../../../shared/api/contract';
import { MAX_FOCUS_VALUES, type valuesApi } from '../../../shared/api/values';
import { ApiError, api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { hasRole, useMe } from '../../app/session';
import type { FrameworkValue, Me, ValueKey } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { pick, statementText, valueHeading } from '../public/localized';
import { useFramework } from '../public/queries';

export function useUnits() {
  return useQuery({
    queryKey: ['org', 'units'],
    queryFn: () => api.org.units(),
    staleTime: 60_000,
  });
}

/** The entity coordinator's page: own-words text per value (nl and en) and the chosen focus values. */
export function EntityValuesPage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const units = useUnits();
  const locale = currentLocale();

  const entities = useMemo(() => {
    const all = (units.data ?? []).filter((unit) => unit.kind === 'entity');
    // A programme admin may edit any entity; a coordinator only the entities in their grants.
    return hasRole(me, 'programme_admin') ? all : all.filter((unit) => me.coordinatorOf.includes(unit.id));
  }, [units.data, me]);
  const [entityId, setEntityId] = useState<number | null>(null);
  useEffect(() => {
    if (entityId === null && entities.length) {
      setEntityId(entities.find((e) => e.id === me.entityId)?.id ?? entities[0]!.id);
    }
  }, [entities, entityId, me.entityId]);

  return (
    <>
      <PageTitle>{t('web.entity.title')}</PageTitle>
      <p className="lead">{t('web.entity.lead')}</p>
      {units.isPending ? <Loading /> : null}
      {units.error ? <ErrorAlert error={units.error} /> : null}
      {units.data && entities.length === 0 ? <Alert tone="info">{t('web.entity.noEntities')}</Alert> : null}
      {entities.length > 1 ? (
        <Select
          label={t('web.entity.chooseEntity')}
          options={entities.map((entity) => ({
            id: entity.id,
            label: pick(locale, entity.nameNl, entity.nameEn),
          }))}
          selectedKey={entityId}
          onSelectionChange={(key) => setEntityId(Number(key))}
        />
      ) : null}
      {entityId !== null ? <EntityValuesForm key={entityId} entityId={entityId} /> : null}
    </>
  );
}

type Draft = Record<string, { textNl: string; textEn: string }>;

function EntityValuesForm({ entityId }: { entityId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const framework = useFramework();
  const entity = useQuery({
    queryKey: ['entity-values', entityId],
    queryFn: () => api.values.entityValues({ params: { entityId } }),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focus, setFocus] = useState<ValueKey[]>([]);

  useEffect(() => {
    if (!entity.data || !framework.data) return;
    const next: Draft = {};
    for (const value of framework.data.values) {
      const own = entity.data.translations.find((translation) => translation.valueKey === value.key);
      next[value.key] = { textNl: own?.textNl ?? '', textEn: own?.textEn ?? '' };
    }
    setDraft(next);
    setFocus(entity.data.focusValues);
  }, [entity.data, framework.data]);

  const save = useMutation({
    mutationFn: (body: RouteInput<typeof valuesApi.routes.saveEntityValues>['body']) =>
      api.values.saveEntityValues({ params: { entityId }, body }),
    onSuccess: async () => {
      toast.show(t('web.entity.saved'));
      await queryClient.invalidateQueries({ queryKey: ['entity-values', entityId] });
      await queryClient.invalidateQueries({ queryKey: ['values'] });
    },
  });

  if (entity.error) return <ErrorAlert error={entity.error} />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  if (!draft || !framework.data || !entity.data) return <Loading />;

  const serverError = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      translations: framework.data!.values.map((value) => ({
        valueKey: value.key,
        textNl: draft[value.key]?.textNl.trim() ?? '',
        textEn: draft[value.key]?.textEn.trim() ?? '',
      })),
      focusValues: focus,
    });
  };

  return (
    <Form
      onSubmit={submit}
      validationErrors={serverError?.fieldErrors()}
      validationBehavior="aria"
      className="form"
    >
      <h2>{pick(locale, entity.data.nameNl, entity.data.nameEn)}</h2>
      {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
      <p className="muted">{t('web.entity.focusHint')}</p>
      {framework.data.values.map((value, index) => (
        <ValueFieldset
          key={value.key}
          index={index}
          value={value}
          texts={draft[value.key] ?? { textNl: '', textEn: '' }}
          onChange={(texts) => setDraft({ ...draft, [value.key]: texts })}
          isFocus={focus.includes(value.key)}
          // The server allows MAX_FOCUS_VALUES; further boxes are disabled rather than failing on save.
          focusDisabled={!focus.includes(value.key) && focus.length >= MAX_FOCUS_VALUES}
          onFocusChange={(selected) =>
            setFocus(selected ? [...focus, value.key] : focus.filter((key) => key !== value.key))
          }
        />
      ))}
      <div className="form__actions">
        <Button type="submit" isPending={save.isPending}>
          {t('web.entity.save')}
        </Button>
      </div>
    </Form>
  );
}

function ValueFieldset({
  value,
  index,
  texts,
  onChange,
  isFocus,
  focusDisabled,
  onFocusChange,
}: {
  value: FrameworkValue;
  index: number;
  texts: { textNl: string; textEn: string };
  onChange: (texts: { textNl: string; textEn: string }) => void;
  isFocus: boolean;
  focusDisabled: boolean;
  onFocusChange: (selected: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const heading = valueHeading(locale, value);
  return (
    <fieldset className="value-fieldset">
      <legend className="value-fieldset__legend">{heading}</legend>
      <details className="value-fieldset__central">
        <summary>{t('web.entity.showCentral')}</summary>
        <ul>
          {value.statements.map((statement, statementIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: statements have no id and keep their order.
            <li key={statementIndex}>{statementText(locale, statement)}</li>
          ))}
        </ul>
      </details>
      <div className="two-columns">
        <TextField
          label={t('web.entity.textNl', { value: heading })}
          name={`translations.${index}.textNl`}
          multiline
          rows={4}
          maxLength={4000}
          value={texts.textNl}
          onChange={(textNl) => onChange({ ...texts, textNl })}
          lang="nl"
        />
        <TextField
          label={t('web.entity.textEn', { value: heading })}
          name={`translations.${index}.textEn`}
          multiline
          rows={4}
          maxLength={4000}
          value={texts.textEn}
          onChange={(textEn) => onChange({ ...texts, textEn })}
          lang="en"
        />
      </div>
      <Checkbox isSelected={isFocus} isDisabled={focusDisabled} onChange={onFocusChange}>
        {t('web.entity.focus', { value: heading })}
      </Checkbox>
    </fieldset>
  );
}
