import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import './survey.css';
import { brusselsDay } from '../../../shared/brussels-day';
import { standardDemographics } from '../../../shared/survey-demographics';
import type { OrgUnit } from '../../app/types';
import { TargetPicker } from './TargetPicker';

type Option = { nl: string; en: string };
type Kind = 'agree5' | 'scale10' | 'single' | 'multi' | 'text';
type Item = {
  id: number;
  sectionId: number;
  itemKey: string;
  kind: Kind;
  textNl: string;
  textEn: string;
  options: Option[];
  valueKey: string | null;
  objective: number | null;
  outcome: boolean;
  required: boolean;
};
type Section = {
  id: number;
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  items: Item[];
};
type QuestionnaireSummary = {
  id: number;
  standardKey: string | null;
  titleNl: string;
  titleEn: string;
  itemCount: number;
  waveCount: number;
};
type Questionnaire = QuestionnaireSummary & { editable: boolean; descriptionNl: string; sections: Section[] };
type Wave = {
  id: number;
  questionnaireId: number;
  questionnaireTitleNl: string;
  titleNl: string;
  titleEn: string;
  status: 'draft' | 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  minGroupSize: number;
  invited: number;
  answered: number | null;
};
type WaveDetail = Wave & {
  targets: { unitId: number; nameNl: string }[];
  demographics: { key: string; labelNl: string; minGroupSize: number }[];
  itemCount: number;
  reminders: { lastSentAt: string | null; rounds: number };
};
type Participation = {
  k: number;
  units: {
    unitId: number;
    nameNl: string;
    depth: number;
    invited: number | null;
    answered: number | null;
    rate: number | null;
  }[];
};

const KINDS: Kind[] = ['agree5', 'scale10', 'single', 'multi', 'text'];
const VALUES = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'];
/** As the server's MAX_OPTIONS (survey.schemas.ts). */
const MAX_OPTIONS = 15;
const ADMIN_SURVEYS = paths.adminSurvey;
const questionnaireHref = (id: number) => `${ADMIN_SURVEYS}/vragenlijsten/${id}`;
const waveHref = (id: number) => `${ADMIN_SURVEYS}/${id}`;

function Frame({ title, children, parent }: { title: string; children: React.ReactNode; parent?: boolean }) {
  const { t } = useTranslation();
  const crumbs: { href: string; label: string }[] = [{ href: paths.admin, label: t('web.admin.title') }];
  if (parent) crumbs.push({ href: ADMIN_SURVEYS, label: t('survey.admin.title') });
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: title }]} />
      <PageTitle>{title}</PageTitle>
      {children}
    </>
  );
}

const formValues = (event: FormEvent<HTMLFormElement>) => new FormData(event.currentTarget);
const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * A refused request: the server's message, and its field issues unless the form shows them next to
 * their fields (`shownFields`, keyed as in ApiError.fieldErrors()).
 */
function FormError({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) return null;
  if (error instanceof ApiError && error.issues.length > 0) {
    const shown = new Set(shownFields);
    const rest = error.issues.filter((issue) => !shown.has(issue.path.replace(/^body\./, '')));
    return (
      <Alert tone="error" title={error.message}>
        {rest.length > 0 ? (
          <ul>
            {rest.map((issue) => (
              <li key={issue.path}>{issue.message}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Overview: questionnaires (the standard module first) and waves, with forms to start new ones. */
export function SurveyAdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const questionnaires = useQuery({
    queryKey: ['survey-admin', 'questionnaires'],
    queryFn: () => api.get<{ items: QuestionnaireSummary[] }>('/api/survey/admin/questionnaires'),
  });
  const waves = useQuery({
    queryKey: ['survey-admin', 'waves'],
    queryFn: () => api.get<{ items: Wave[] }>('/api/survey/admin/waves'),
  });
  const units = useQuery({ queryKey: ['org', 'units'], queryFn: () => api.get<OrgUnit[]>('/api/org/units') });
  const [targets, setTargets] = useState<number[]>([]);
  const createQuestionnaire = useMutation({
    mutationFn: (body: unknown) => api.post<Questionnaire>('/api/survey/admin/questionnaires', body),
    onSuccess: (q) => navigate(questionnaireHref(q.id)),
  });
  const createWave = useMutation({
    mutationFn: (body: unknown) => api.post<WaveDetail>('/api/survey/admin/waves', body),
    onSuccess: (w) => navigate(waveHref(w.id)),
  });

  return (
    <Frame title={t('survey.admin.title')}>
      <p className="lead">{t('survey.admin.lead')}</p>
      <h2>{t('survey.admin.waves')}</h2>
      <QueryState query={waves}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('survey.admin.noWaves')}</p>
          ) : (
            <ul className="survey-admin-list">
              {data.items.map((wave) => (
                <li key={wave.id}>
                  <Link to={waveHref(wave.id)}>{wave.titleNl}</Link>{' '}
                  <span className="survey-admin-item__tags">
                    {t(`survey.admin.status.${wave.status}`)} · {wave.opensOn} – {wave.closesOn} ·{' '}
                    {t('survey.admin.invitedAnswered', {
                      invited: wave.invited,
                      answered: wave.answered ?? '—',
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>

      <h2>{t('survey.admin.questionnaires')}</h2>
      <QueryState query={questionnaires}>
        {(data) => (
          <>
            <ul className="survey-admin-list">
              {data.items.map((q) => (
                <li key={q.id}>
                  <Link to={questionnaireHref(q.id)}>{q.titleNl}</Link>{' '}
                  <span className="survey-admin-item__tags">
                    {q.standardKey ? `${t('survey.admin.standard')} · ` : ''}
                    {t('survey.admin.itemCount', { count: q.itemCount })}
                  </span>
                </li>
              ))}
            </ul>
            <form
              className="survey-admin-form"
              aria-labelledby="new-questionnaire"
              onSubmit={(event) => {
                event.preventDefault();
                const data = formValues(event);
                const copyOf = Number(data.get('copyOf'));
                createQuestionnaire.mutate({
                  titleNl: text(data, 'titleNl'),
                  titleEn: text(data, 'titleEn'),
                  ...(copyOf ? { copyOf } : {}),
                });
              }}
            >
              <h3 id="new-questionnaire">{t('survey.admin.newQuestionnaire')}</h3>
              <FormError error={createQuestionnaire.error} />
              <label>
                {t('survey.admin.titleNl')}
                <input name="titleNl" required maxLength={200} />
              </label>
              <label>
                {t('survey.admin.titleEn')}
                <input name="titleEn" maxLength={200} />
              </label>
              <label>
                {t('survey.admin.startFrom')}
                <select name="copyOf" defaultValue="">
                  <option value="">{t('survey.admin.empty')}</option>
                  {data.items.map((q) => (
                    <option key={q.id} value={q.id}>
                      {t('survey.admin.copyOf', { title: q.titleNl })}
                    </option>
                  ))}
                </select>
              </label>
              <div>
                <Button type="submit" isDisabled={createQuestionnaire.isPending}>
                  {t('survey.admin.create')}
                </Button>
              </div>
            </form>

            <form
              className="survey-admin-form"
              aria-labelledby="new-wave"
              onSubmit={(event) => {
                event.preventDefault();
                const form = formValues(event);
                createWave.mutate({
                  questionnaireId: Number(form.get('questionnaireId')),
                  titleNl: text(form, 'titleNl'),
                  titleEn: text(form, 'titleEn'),
                  opensOn: text(form, 'opensOn'),
                  closesOn: text(form, 'closesOn'),
                  minGroupSize: Number(form.get('minGroupSize') || 5),
                  targetUnitIds: targets,
                  demographics: form.get('demographics') ? standardDemographics : [],
                });
              }}
            >
              <h3 id="new-wave">{t('survey.admin.newWave')}</h3>
              <FormError error={createWave.error} shownFields={['targetUnitIds']} />
              <label>
                {t('survey.admin.questionnaire')}
                <select name="questionnaireId">
                  {data.items.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.titleNl}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('survey.admin.titleNl')}
                <input name="titleNl" required maxLength={200} />
              </label>
              <label>
                {t('survey.admin.titleEn')}
                <input name="titleEn" maxLength={200} />
              </label>
              <label>
                {t('survey.admin.opensOn')}
                <input name="opensOn" type="date" required />
              </label>
              <label>
                {t('survey.admin.closesOn')}
                <input name="closesOn" type="date" required />
              </label>
              <label>
                {t('survey.admin.k')}
                <input name="minGroupSize" type="number" min={3} max={100} defaultValue={5} />
              </label>
              <QueryState query={units}>
                {(list) => (
                  <TargetPicker
                    units={list}
                    selected={targets}
                    onChange={setTargets}
                    error={fieldErrorsOf(createWave.error).targetUnitIds}
                  />
                )}
              </QueryState>
              <label style={{ fontWeight: 400 }}>
                <span>
                  <input type="checkbox" name="demographics" value="1" /> {t('survey.admin.addDemographics')}
                </span>
              </label>
              <div>
                <Button type="submit" isDisabled={createWave.isPending}>
                  {t('survey.admin.create')}
                </Button>
              </div>
            </form>
          </>
        )}
      </QueryState>
    </Frame>
  );
}

/** Moves focus to the element with this id after the next render (an Edit button that was replaced by its form). */
function useFocusAfterRender() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** Field messages from a server validation error, keyed by field name ("textNl", "options.0.nl"). */
const fieldErrorsOf = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? error.fieldErrors() : {};

/** After a refused save, focus goes to the first field the server named, so the message is read next to it. */
function useFocusFirstInvalid(form: React.RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, form]);
}

/** Props for an input with an optional server message: aria-invalid and the message's id. */
function invalidProps(id: string, message: string | undefined, describedBy?: string) {
  const ids = [describedBy, message ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': message ? (true as const) : undefined,
    'aria-describedby': ids || undefined,
  };
}

function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={`${id}-error`} className="field__error">
      {message}
    </span>
  ) : null;
}

/** Escape anywhere in an inline form cancels it (a native select's open list handles its own Escape). */
const cancelOnEscape = (onCancel?: () => void) => (event: React.KeyboardEvent) => {
  if (onCancel && event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    onCancel();
  }
};

function FormButtons({
  submitLabel,
  pending,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="survey-admin-actions">
      <Button type="submit" isDisabled={pending}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button variant="secondary" onPress={onCancel}>
          {t('survey.admin.cancel')}
        </Button>
      ) : null}
    </div>
  );
}

type SectionFields = { titleNl: string; titleEn: string; introNl: string; introEn: string };

/** What the add-or-edit-in-place forms (section, item) take: `initial` set means editing. */
type InPlaceFormProps<T> = {
  idPrefix: string;
  heading: string;
  initial?: T;
  submitLabel: string;
  onSubmit: (body: T) => Promise<unknown>;
  onCancel?: () => void;
  error: unknown;
  pending: boolean;
};

/** Add a section or edit one in place: both titles and both introductions. */
function SectionForm({
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

type ItemFields = {
  kind: Kind;
  textNl: string;
  textEn: string;
  options: Option[];
  valueKey: string | null;
  objective: number | null;
  outcome: boolean;
  required: boolean;
};

/**
 * One form for a new item and for editing one in place (with `initial`): kind, both texts, the options
 * of a choice item in nl and en (one row each), the value and objective tags and the outcome flag.
 */
function ItemForm({
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
          valueKey: text(data, 'valueKey') || null,
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
              {t('survey.admin.objectiveN', { n })}
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

/** The section's heading and texts, or its edit form in their place. */
function SectionHeader({
  section,
  editable,
  onSaved,
  onDelete,
}: {
  section: Section;
  editable: boolean;
  onSaved: (q: Questionnaire, message: string) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const focusAfter = useFocusAfterRender();
  const editId = `edit-section-${section.id}`;
  const close = () => {
    setEditing(false);
    save.reset();
    focusAfter(editId);
  };
  const save = useMutation({
    mutationFn: (body: SectionFields) =>
      api.patch<Questionnaire>(`/api/survey/admin/sections/${section.id}`, body),
    onSuccess: (q) => {
      onSaved(
        q,
        t('survey.admin.savedSection', { title: q.sections.find((s) => s.id === section.id)?.titleNl }),
      );
      close();
    },
  });
  return (
    <>
      <h2 id={`s-${section.id}`}>{section.titleNl}</h2>
      {editing ? (
        <SectionForm
          idPrefix={`section-${section.id}`}
          heading={t('survey.admin.editSectionHeading', { title: section.titleNl })}
          initial={section}
          submitLabel={t('survey.admin.save')}
          onSubmit={(body) => save.mutateAsync(body)}
          onCancel={close}
          error={save.error}
          pending={save.isPending}
        />
      ) : (
        <>
          {section.titleEn ? (
            <p lang="en" className="survey-admin-section__en">
              {section.titleEn}
            </p>
          ) : null}
          {section.introNl ? <p>{section.introNl}</p> : null}
          {section.introEn ? <p lang="en">{section.introEn}</p> : null}
          {editable ? (
            <div className="survey-admin-actions">
              <EditDeleteButtons
                editId={editId}
                editVariant="secondary"
                editLabel={t('survey.admin.editSection', { title: section.titleNl })}
                deleteLabel={t('survey.admin.deleteSection', { title: section.titleNl })}
                onEdit={() => setEditing(true)}
                onDelete={onDelete}
              />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

/** One item: its texts and tags with move/edit/delete, or its edit form in their place. */
function ItemRow({
  item,
  editable,
  onSaved,
  onMove,
  onDelete,
}: {
  item: Item;
  editable: boolean;
  onSaved: (q: Questionnaire, message: string) => void;
  onMove: (delta: number) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const focusAfter = useFocusAfterRender();
  const editId = `edit-item-${item.id}`;
  const close = () => {
    setEditing(false);
    save.reset();
    focusAfter(editId);
  };
  const save = useMutation({
    mutationFn: (body: ItemFields) => api.patch<Questionnaire>(`/api/survey/admin/items/${item.id}`, body),
    onSuccess: (q) => {
      onSaved(q, t('survey.admin.savedItem'));
      close();
    },
  });
  if (editing)
    return (
      <div className="survey-admin-item survey-admin-item--editing">
        <ItemForm
          idPrefix={`item-${item.id}`}
          heading={t('survey.admin.editItemHeading', { key: item.itemKey })}
          initial={item}
          submitLabel={t('survey.admin.save')}
          onSubmit={(body) => save.mutateAsync(body)}
          onCancel={close}
          error={save.error}
          pending={save.isPending}
        />
      </div>
    );
  return (
    <div className="survey-admin-item">
      <div>
        <p>{item.textNl}</p>
        {item.textEn ? <p lang="en">{item.textEn}</p> : null}
        <p className="survey-admin-item__tags">
          {t(`survey.admin.kinds.${item.kind}`)} · {item.itemKey}
          {item.valueKey ? ` · ${t(`survey.admin.values.${item.valueKey}`)}` : ''}
          {item.objective ? ` · ${t('survey.admin.objectiveN', { n: item.objective })}` : ''}
          {item.outcome ? ` · ${t('survey.admin.outcome')}` : ''}
          {item.required ? ` · ${t('survey.admin.requiredLabel')}` : ''}
          {item.options.length
            ? ` · ${item.options.map((o) => (o.en ? `${o.nl} (${o.en})` : o.nl)).join(' / ')}`
            : ''}
        </p>
      </div>
      {editable ? (
        <div className="survey-admin-actions">
          <Button
            variant="quiet"
            onPress={() => onMove(-1)}
            aria-label={t('survey.admin.moveUpItem', { text: item.textNl })}
          >
            ↑
          </Button>
          <Button
            variant="quiet"
            onPress={() => onMove(1)}
            aria-label={t('survey.admin.moveDownItem', { text: item.textNl })}
          >
            ↓
          </Button>
          <EditDeleteButtons
            editId={editId}
            editVariant="quiet"
            editLabel={t('survey.admin.editItem', { text: item.textNl })}
            deleteLabel={t('survey.admin.deleteItem', { text: item.textNl })}
            onEdit={() => setEditing(true)}
            onDelete={onDelete}
          />
        </div>
      ) : null}
    </div>
  );
}

/** "Edit" and "Delete" for one section or item; the labels name it, so screen readers know which. */
function EditDeleteButtons(props: {
  editId: string;
  editVariant: 'secondary' | 'quiet';
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        id={props.editId}
        variant={props.editVariant}
        onPress={props.onEdit}
        aria-label={props.editLabel}
      >
        {t('survey.admin.edit')}
      </Button>
      <Button variant="danger" onPress={props.onDelete} aria-label={props.deleteLabel}>
        {t('survey.admin.delete')}
      </Button>
    </>
  );
}

/** The form for a new item, folded away under its summary until wanted. */
function AddItem({
  section,
  onSaved,
}: {
  section: Section;
  onSaved: (q: Questionnaire, message: string) => void;
}) {
  const { t } = useTranslation();
  const add = useMutation({
    mutationFn: (body: ItemFields) =>
      api.post<Questionnaire>(`/api/survey/admin/sections/${section.id}/items`, body),
    onSuccess: (q) => onSaved(q, t('survey.admin.done.post')),
  });
  return (
    <details>
      <summary>{t('survey.admin.addItemTo', { title: section.titleNl })}</summary>
      <ItemForm
        idPrefix={`new-item-${section.id}`}
        heading={t('survey.admin.addItem')}
        submitLabel={t('survey.admin.addItem')}
        onSubmit={(body) => add.mutateAsync(body)}
        error={add.error}
        pending={add.isPending}
      />
    </details>
  );
}

/** Compose a questionnaire: sections and items, added, edited in place, moved and removed. */
export function QuestionnaireEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['survey-admin', 'questionnaire', id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<Questionnaire>(`/api/survey/admin/questionnaires/${encodeURIComponent(id)}`),
  });
  const [status, setStatus] = useState('');
  /** The section whose deletion waits for confirmation in the dialog. */
  const [sectionToDelete, setSectionToDelete] = useState<{ id: number; title: string } | null>(null);
  const saved = (q: Questionnaire, message: string) => {
    client.setQueryData(key, q);
    void client.invalidateQueries({ queryKey: ['survey-admin', 'questionnaires'] });
    setStatus(message);
  };
  const change = useMutation({
    mutationFn: ({
      method,
      url,
      body,
    }: {
      method: 'post' | 'put' | 'delete';
      url: string;
      body?: unknown;
    }) => (method === 'delete' ? api.delete<Questionnaire>(url) : api[method]<Questionnaire>(url, body)),
    onSuccess: (q, variables) => saved(q, t(`survey.admin.done.${variables.method}`)),
  });
  const addSection = useMutation({
    mutationFn: ({ questionnaireId, body }: { questionnaireId: number; body: SectionFields }) =>
      api.post<Questionnaire>(`/api/survey/admin/questionnaires/${questionnaireId}/sections`, body),
    onSuccess: (q) => saved(q, t('survey.admin.done.post')),
  });

  return (
    <QueryState query={query}>
      {(q) => {
        const move = (sectionIndex: number, itemIndex: number, delta: number) => {
          const order = q.sections.map((s) => ({ id: s.id, items: s.items.map((i) => i.id) }));
          const flat = order.flatMap((s, si) => s.items.map((itemId) => ({ si, itemId })));
          const position = flat.findIndex((e) => e.itemId === q.sections[sectionIndex]!.items[itemIndex]!.id);
          const target = position + delta;
          if (target < 0 || target >= flat.length) return;
          const a = flat[position]!;
          const b = flat[target]!;
          if (a.si === b.si) {
            const items = order[a.si]!.items;
            const ia = items.indexOf(a.itemId);
            const ib = items.indexOf(b.itemId);
            [items[ia], items[ib]] = [items[ib]!, items[ia]!];
          } else {
            // Across a section boundary: the item moves into the neighbouring section.
            order[a.si]!.items = order[a.si]!.items.filter((i) => i !== a.itemId);
            if (delta > 0) order[b.si]!.items.unshift(a.itemId);
            else order[b.si]!.items.push(a.itemId);
          }
          change.mutate({
            method: 'put',
            url: `/api/survey/admin/questionnaires/${q.id}/order`,
            body: { sections: order },
          });
        };
        return (
          <Frame title={q.titleNl} parent>
            <ConfirmDialog
              title={t('survey.admin.deleteSectionTitle')}
              message={t('survey.admin.deleteSectionConfirm', { title: sectionToDelete?.title ?? '' })}
              confirmLabel={t('survey.admin.delete')}
              variant="danger"
              isOpen={sectionToDelete !== null}
              onOpenChange={(open) => {
                if (!open) setSectionToDelete(null);
              }}
              isPending={change.isPending}
              onConfirm={() => {
                if (!sectionToDelete) return;
                change.mutate(
                  { method: 'delete', url: `/api/survey/admin/sections/${sectionToDelete.id}` },
                  { onSettled: () => setSectionToDelete(null) },
                );
              }}
            />
            {q.editable ? null : <Alert tone="info">{t('survey.admin.readOnly')}</Alert>}
            {q.editable && q.waveCount > 0 ? (
              <Alert tone="info">{t('survey.admin.usedByWaves', { count: q.waveCount })}</Alert>
            ) : null}
            <p>{q.descriptionNl}</p>
            <p role="status" className="survey-answer__saved">
              {status}
            </p>
            <FormError error={change.error} />
            {q.sections.map((section, sectionIndex) => (
              <section key={section.id} className="survey-section" aria-labelledby={`s-${section.id}`}>
                <SectionHeader
                  section={section}
                  editable={q.editable}
                  onSaved={saved}
                  onDelete={() => setSectionToDelete({ id: section.id, title: section.titleNl })}
                />
                {section.items.map((item, itemIndex) => (
                  <ItemRow
                    key={item.id}
                    item={item}
                    editable={q.editable}
                    onSaved={saved}
                    onMove={(delta) => move(sectionIndex, itemIndex, delta)}
                    onDelete={() =>
                      change.mutate({ method: 'delete', url: `/api/survey/admin/items/${item.id}` })
                    }
                  />
                ))}
                {q.editable ? <AddItem section={section} onSaved={saved} /> : null}
              </section>
            ))}
            {q.editable ? (
              <>
                <SectionForm
                  idPrefix="new-section"
                  heading={t('survey.admin.newSection')}
                  submitLabel={t('survey.admin.addSection')}
                  onSubmit={(body) => addSection.mutateAsync({ questionnaireId: q.id, body })}
                  error={addSection.error}
                  pending={addSection.isPending}
                />
                <IncludeForm
                  questionnaireId={q.id}
                  onInclude={(sourceId) =>
                    change.mutate({
                      method: 'post',
                      url: `/api/survey/admin/questionnaires/${q.id}/include`,
                      body: { sourceId },
                    })
                  }
                />
              </>
            ) : null}
          </Frame>
        );
      }}
    </QueryState>
  );
}

function IncludeForm({
  questionnaireId,
  onInclude,
}: {
  questionnaireId: number;
  onInclude: (id: number) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['survey-admin', 'questionnaires'],
    queryFn: () => api.get<{ items: QuestionnaireSummary[] }>('/api/survey/admin/questionnaires'),
  });
  const others = (list.data?.items ?? []).filter((q) => q.id !== questionnaireId);
  if (others.length === 0) return null;
  return (
    <form
      className="survey-admin-form"
      aria-labelledby="include"
      onSubmit={(event) => {
        event.preventDefault();
        onInclude(Number(formValues(event).get('sourceId')));
      }}
    >
      <h2 id="include">{t('survey.admin.include')}</h2>
      <label>
        {t('survey.admin.questionnaire')}
        <select name="sourceId">
          {others.map((q) => (
            <option key={q.id} value={q.id}>
              {q.titleNl}
            </option>
          ))}
        </select>
      </label>
      <div>
        <Button type="submit">{t('survey.admin.includeButton')}</Button>
      </div>
    </form>
  );
}

/** One wave: launch, participation while it runs, reminders, close. */
export function WaveAdminPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['survey-admin', 'wave', id];
  const wave = useQuery({
    queryKey: key,
    queryFn: () => api.get<WaveDetail>(`/api/survey/admin/waves/${encodeURIComponent(id)}`),
  });
  const participation = useQuery({
    queryKey: ['survey-admin', 'participation', id],
    queryFn: () => api.get<Participation>(`/api/survey/admin/waves/${encodeURIComponent(id)}/participation`),
    enabled: wave.data !== undefined && wave.data.status !== 'draft',
  });
  const [message, setMessage] = useState('');
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/survey/admin/waves/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      navigate(ADMIN_SURVEYS);
    },
  });
  const [editingClose, setEditingClose] = useState(false);
  const focusAfter = useFocusAfterRender();
  const closeEditor = () => {
    setEditingClose(false);
    edit.reset();
    focusAfter('change-closes-on');
  };
  const edit = useMutation({
    mutationFn: (body: { closesOn: string }) =>
      api.patch<WaveDetail>(`/api/survey/admin/waves/${encodeURIComponent(id)}`, body),
    onSuccess: (next) => {
      client.setQueryData(key, next);
      void client.invalidateQueries({ queryKey: ['survey-admin', 'waves'] });
      setMessage(t('survey.admin.closesOnSaved', { date: next.closesOn }));
      closeEditor();
    },
  });
  const action = useMutation({
    mutationFn: (what: 'launch' | 'close' | 'remind') =>
      api.post<WaveDetail | { queued: number }>(`/api/survey/admin/waves/${encodeURIComponent(id)}/${what}`),
    onSuccess: (result, what) => {
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      setMessage(
        what === 'remind'
          ? t('survey.admin.reminded', { count: (result as { queued: number }).queued })
          : t(`survey.admin.${what}ed`),
      );
    },
  });
  return (
    <QueryState query={wave}>
      {(w) => (
        <Frame title={w.titleNl} parent>
          <dl className="facts">
            <dt>{t('survey.admin.statusLabel')}</dt>
            <dd>{t(`survey.admin.status.${w.status}`)}</dd>
            <dt>{t('survey.admin.questionnaire')}</dt>
            <dd>
              <Link to={questionnaireHref(w.questionnaireId)}>{w.questionnaireTitleNl}</Link> (
              {t('survey.admin.itemCount', { count: w.itemCount })})
            </dd>
            <dt>{t('survey.admin.period')}</dt>
            <dd>
              {w.opensOn} – {w.closesOn}
            </dd>
            <dt>{t('survey.admin.targets')}</dt>
            <dd>{w.targets.map((target) => target.nameNl).join(', ') || '—'}</dd>
            <dt>{t('survey.admin.k')}</dt>
            <dd>{w.minGroupSize}</dd>
            {w.demographics.length ? (
              <>
                <dt>{t('survey.admin.demographics')}</dt>
                <dd>{w.demographics.map((d) => `${d.labelNl} (k = ${d.minGroupSize})`).join(', ')}</dd>
              </>
            ) : null}
            {w.status !== 'draft' ? (
              <>
                <dt>{t('survey.admin.participation')}</dt>
                <dd>
                  {t('survey.admin.invitedAnswered', { invited: w.invited, answered: w.answered ?? '—' })}
                </dd>
                <dt>{t('survey.admin.reminders')}</dt>
                <dd>
                  {w.reminders.lastSentAt
                    ? t('survey.admin.remindersSent', {
                        count: w.reminders.rounds,
                        at: w.reminders.lastSentAt.slice(0, 16).replace('T', ' '),
                      })
                    : '—'}
                </dd>
              </>
            ) : null}
          </dl>
          <p role="status">{message}</p>
          <FormError error={action.error ?? remove.error} />
          <div className="survey-admin-actions">
            {w.status === 'draft' ? (
              <>
                <Button onPress={() => action.mutate('launch')} isDisabled={action.isPending}>
                  {t('survey.admin.launch')}
                </Button>
                <Button variant="danger" onPress={() => remove.mutate()} isDisabled={remove.isPending}>
                  {t('survey.admin.deleteWave')}
                </Button>
              </>
            ) : null}
            {w.status !== 'closed' && !editingClose ? (
              <Button id="change-closes-on" variant="secondary" onPress={() => setEditingClose(true)}>
                {t('survey.admin.changeClosesOn')}
              </Button>
            ) : null}
            {w.status === 'open' ? (
              <>
                <Button
                  variant="secondary"
                  onPress={() => action.mutate('remind')}
                  isDisabled={action.isPending}
                >
                  {t('survey.admin.remind')}
                </Button>
                <Button variant="danger" onPress={() => action.mutate('close')} isDisabled={action.isPending}>
                  {t('survey.admin.close')}
                </Button>
              </>
            ) : null}
          </div>
          {editingClose && w.status !== 'closed' ? (
            <CloseDateForm
              wave={w}
              error={edit.error}
              pending={edit.isPending}
              onSubmit={(closesOn) => edit.mutateAsync({ closesOn })}
              onCancel={closeEditor}
            />
          ) : null}
          {w.status === 'draft' ? <p>{t('survey.admin.launchHint')}</p> : null}
          {w.status !== 'draft' ? (
            <>
              <h2>{t('survey.admin.participationPerUnit')}</h2>
              <p>{t('survey.admin.participationHint', { k: w.minGroupSize })}</p>
              <QueryState query={participation}>
                {(p) => (
                  <div className="table-wrap">
                    <table className="table">
                      <caption className="visually-hidden">{t('survey.admin.participationPerUnit')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('survey.admin.unit')}</th>
                          <th scope="col">{t('survey.admin.invited')}</th>
                          <th scope="col">{t('survey.admin.answered')}</th>
                          <th scope="col">{t('survey.admin.rate')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.units.map((unit) => (
                          <tr key={unit.unitId}>
                            <th
                              scope="row"
                              style={{ paddingLeft: `${unit.depth * 0.75}rem`, fontWeight: 400 }}
                            >
                              {unit.nameNl}
                            </th>
                            <td>{unit.invited ?? t('survey.admin.hidden')}</td>
                            <td>{unit.answered ?? t('survey.admin.hidden')}</td>
                            <td>{unit.rate === null ? '—' : `${Math.round(unit.rate * 100)}%`}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </QueryState>
            </>
          ) : null}
        </Frame>
      )}
    </QueryState>
  );
}

/** The wave's closing day, changed in place (a running wave may be extended or shortened, not into the past). */
function CloseDateForm({
  wave,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  wave: WaveDetail;
  error: unknown;
  pending: boolean;
  onSubmit: (closesOn: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const fields = fieldErrorsOf(error);
  useFocusFirstInvalid(form, error);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  // The server counts closing days in Brussels.
  const today = brusselsDay();
  const earliest = wave.status === 'open' && today > wave.opensOn ? today : wave.opensOn;
  return (
    <form
      ref={form}
      className="survey-admin-form"
      aria-labelledby="closes-on-heading"
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        // Safe: onSubmit shows its own errors in the form; nothing is left to handle here.
        onSubmit(text(formValues(event), 'closesOn')).catch(() => undefined);
      }}
    >
      <h2 id="closes-on-heading">{t('survey.admin.changeClosesOn')}</h2>
      <FormError error={error} shownFields={Object.keys(fields)} />
      <label htmlFor="closes-on">
        {t('survey.admin.newClosesOn')}
        <input
          type="date"
          name="closesOn"
          required
          min={earliest}
          defaultValue={wave.closesOn}
          {...invalidProps('closes-on', fields.closesOn, 'closes-on-hint')}
        />
        <span id="closes-on-hint" className="survey-admin-item__tags">
          {t('survey.admin.closesOnHint', { opensOn: wave.opensOn, closesOn: wave.closesOn })}
        </span>
        <FieldMessage id="closes-on" message={fields.closesOn} />
      </label>
      <FormButtons submitLabel={t('survey.admin.save')} pending={pending} onCancel={onCancel} />
    </form>
  );
}
