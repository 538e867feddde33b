import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_OPTIONS } from '../../../../shared/api/survey';
import { surveyItemKinds as KINDS, valueKeys as VALUES, type ValueKey } from '../../../../shared/domain';
import { Button } from '../../../ui/Button';
import {
  cancelOnEscape,
  FieldMessage,
  FormError,
  fieldErrorsOf,
  formValues,
  invalidProps,
  formText as text,
  useFocusAfterRender,
  useFocusFirstInvalid,
} from '../../../ui/form';
import { FormButtons, type InPlaceFormProps, type ItemFields, type Kind, type Option } from './shared';

/**
 * One form for a new item and for editing one in place (with `initial`): kind, both texts, the options
 * of a choice item in nl and en (one row each), the value and objective tags and the outcome flag.
 */
export function ItemForm({
  idPrefix,
  heading,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  error,
  pending,
}: InPlaceFormProps<ItemFields>) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'agree5');
  const nextKey = useRef(0);
  const row = (option: Option = { nl: '', en: '' }) => ({ key: nextKey.current++, ...option });
  const [options, setOptions] = useState(() =>
    initial?.options.length ? initial.options.map((option) => row(option)) : [row(), row()],
  );
  const focusAfter = useFocusAfterRender();
  const choice = kind === 'single' || kind === 'multi';
  const fields = fieldErrorsOf(error);
  useFocusFirstInvalid(form, error);
  const editing = initial !== undefined;
  useEffect(() => {
    // An edit form opens with focus in its first field; the add form does not grab it.
    if (editing) form.current?.querySelector<HTMLElement>('select, textarea, input')?.focus();
  }, [editing]);

  const id = (name: string) => `${idPrefix}-${name}`;
  const setOption = (key: number, lang: 'nl' | 'en', value: string) =>
    setOptions((list) => list.map((option) => (option.key === key ? { ...option, [lang]: value } : option)));

  return (
    <form
      ref={form}
      className="survey-admin-form"
      aria-labelledby={id('heading')}
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = formValues(event);
        const target = event.currentTarget;
        onSubmit({
          kind,
          textNl: text(data, 'textNl'),
          textEn: text(data, 'textEn'),
          options: choice ? options.map(({ nl, en }) => ({ nl: nl.trim(), en: en.trim() })) : [],
          valueKey: (text(data, 'valueKey') || null) as ValueKey | null,
          objective: Number(data.get('objective')) || null,
          outcome: data.get('outcome') === '1',
          required: data.get('required') === '1',
        }).then(
          () => {
            if (initial) return;
            target.reset();
            setKind('agree5');
            setOptions([row(), row()]);
          },
          () => undefined,
        );
      }}
    >
      <h3 id={id('heading')}>{heading}</h3>
      <FormError error={error} shownFields={Object.keys(fields)} />
      <label htmlFor={id('kind')}>
        {t('survey.admin.kind')}
        <select
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
          {...invalidProps(id('kind'), fields.kind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`survey.admin.kinds.${k}`)}
            </option>
          ))}
        </select>
        <FieldMessage id={id('kind')} message={fields.kind} />
      </label>
      <label htmlFor={id('textNl')}>
        {t('survey.admin.textNl')}
        <textarea
          name="textNl"
          required
          maxLength={1000}
          rows={2}
          defaultValue={initial?.textNl}
          {...invalidProps(id('textNl'), fields.textNl)}
        />
        <FieldMessage id={id('textNl')} message={fields.textNl} />
      </label>
      <label htmlFor={id('textEn')}>
        {t('survey.admin.textEn')}
        <textarea
          name="textEn"
          lang="en"
          maxLength={1000}
          rows={2}
          defaultValue={initial?.textEn}
          {...invalidProps(id('textEn'), fields.textEn)}
        />
        <FieldMessage id={id('textEn')} message={fields.textEn} />
      </label>
      {choice ? (
        <fieldset
          className="survey-options"
          aria-describedby={[id('options-hint'), fields.options ? id('options-error') : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t('survey.admin.options')}</legend>
          <span id={id('options-hint')} className="survey-admin-item__tags">
            {t('survey.admin.optionsHint')}
          </span>
          <FieldMessage id={id('options')} message={fields.options} />
          <ol className="survey-options__list">
            {options.map((option, index) => {
              const n = index + 1;
              const nlId = id(`option-${option.key}-nl`);
              const enId = id(`option-${option.key}-en`);
              const nlError = fields[`options.${index}.nl`];
              const enError = fields[`options.${index}.en`];
              return (
                <li key={option.key} className="survey-options__row">
                  <label htmlFor={nlId}>
                    {t('survey.admin.optionNl', { n })}
                    <input
                      value={option.nl}
                      onChange={(event) => setOption(option.key, 'nl', event.target.value)}
                      required
                      maxLength={200}
                      {...invalidProps(nlId, nlError)}
                    />
                    <FieldMessage id={nlId} message={nlError} />
                  </label>
                  <label htmlFor={enId}>
                    {t('survey.admin.optionEn', { n })}
                    <input
                      lang="en"
                      value={option.en}
                      onChange={(event) => setOption(option.key, 'en', event.target.value)}
                      maxLength={200}
                      {...invalidProps(enId, enError)}
                    />
                    <FieldMessage id={enId} message={enError} />
                  </label>
                  <Button
                    variant="quiet"
                    isDisabled={options.length <= 2}
                    onPress={() => {
                      setOptions((list) => list.filter((other) => other.key !== option.key));
                      focusAfter(id('add-option'));
                    }}
                  >
                    {t('survey.admin.removeOption', { n })}
                  </Button>
                </li>
              );
            })}
          </ol>
          {options.length < MAX_OPTIONS ? (
            <div>
              <Button
                id={id('add-option')}
                variant="secondary"
                onPress={() => {
                  const added = row();
                  setOptions((list) => [...list, added]);
                  focusAfter(id(`option-${added.key}-nl`));
                }}
              >
                {t('survey.admin.addOption')}
              </Button>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <label htmlFor={id('valueKey')}>
        {t('survey.admin.value')}
        <select
          name="valueKey"
          defaultValue={initial?.valueKey ?? ''}
          {...invalidProps(id('valueKey'), fields.valueKey)}
        >
          <option value="">—</option>
          {VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`survey.admin.values.${v}`)}
            </option>
          ))}
        </select>
        <FieldMessage id={id('valueKey')} message={fields.valueKey} />
      </label>
      <label htmlFor={id('objective')}>
        {t('survey.admin.objective')}
        <select
          name="objective"
          defaultValue={initial?.objective ?? ''}
          {...invalidProps(id('objective'), fields.objective)}
        >
          <option value="">—</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t('programme.objectiveNamed', { n, name: t(`programme.objectives.${n}`) })}
            </option>
          ))}
        </select>
        <FieldMessage id={id('objective')} message={fields.objective} />
      </label>
      <div className="survey-admin-check">
        <input
          type="checkbox"
          name="outcome"
          value="1"
          defaultChecked={initial?.outcome}
          {...invalidProps(id('outcome'), fields.outcome)}
        />
        <label htmlFor={id('outcome')}>{t('survey.admin.outcomeLabel')}</label>
        <FieldMessage id={id('outcome')} message={fields.outcome} />
      </div>
      <div className="survey-admin-check">
        <input
          type="checkbox"
          name="required"
          value="1"
          defaultChecked={initial?.required}
          id={id('required')}
        />
        <label htmlFor={id('required')}>{t('survey.admin.requiredLabel')}</label>
      </div>
      <FormButtons submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
