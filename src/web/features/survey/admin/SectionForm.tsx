import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cancelOnEscape,
  FieldMessage,
  FormError,
  fieldErrorsOf,
  formValues,
  invalidProps,
  formText as text,
  useFocusFirstInvalid,
} from '../../../ui/form';
import { FormButtons, type InPlaceFormProps, type SectionFields } from './shared';

/** Add a section or edit one in place: both titles and both introductions. */
export function SectionForm({
  idPrefix,
  heading,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  error,
  pending,
}: InPlaceFormProps<SectionFields>) {
  const form = useRef<HTMLFormElement>(null);
  const fields = fieldErrorsOf(error);
  useFocusFirstInvalid(form, error);
  const editing = initial !== undefined;
  useEffect(() => {
    // An edit form opens with focus in its first field; the add form at the end of the page does not grab it.
    if (editing) form.current?.querySelector<HTMLElement>('input')?.focus();
  }, [editing]);
  const { t } = useTranslation();
  const field = (name: keyof SectionFields, label: string, multiline: boolean, lang?: string) => {
    const inputId = `${idPrefix}-${name}`;
    const props = {
      name,
      defaultValue: initial?.[name] ?? '',
      lang,
      ...invalidProps(inputId, fields[name]),
    };
    return (
      <label htmlFor={inputId}>
        {label}
        {multiline ? (
          <textarea {...props} rows={2} maxLength={2000} />
        ) : (
          <input {...props} required={name === 'titleNl'} maxLength={200} />
        )}
        <FieldMessage id={inputId} message={fields[name]} />
      </label>
    );
  };
  return (
    <form
      ref={form}
      className="survey-admin-form"
      aria-labelledby={`${idPrefix}-heading`}
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = formValues(event);
        const target = event.currentTarget;
        onSubmit({
          titleNl: text(data, 'titleNl'),
          titleEn: text(data, 'titleEn'),
          introNl: text(data, 'introNl'),
          introEn: text(data, 'introEn'),
        }).then(
          () => {
            if (!initial) target.reset();
          },
          () => undefined,
        );
      }}
    >
      <h3 id={`${idPrefix}-heading`}>{heading}</h3>
      <FormError error={error} shownFields={Object.keys(fields)} />
      {field('titleNl', t('survey.admin.titleNl'), false)}
      {field('titleEn', t('survey.admin.titleEn'), false, 'en')}
      {field('introNl', t('survey.admin.introNl'), true)}
      {field('introEn', t('survey.admin.introEn'), true, 'en')}
      <FormButtons submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
