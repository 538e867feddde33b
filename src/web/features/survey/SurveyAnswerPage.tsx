import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RouteInput, RouteOutput } from '../../../shared/api/contract';
import { MAX_TEXT_ANSWER as MAX_TEXT, type surveyApi } from '../../../shared/api/survey';
import { ApiError, api } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import './survey.css';

type Form = RouteOutput<typeof surveyApi.routes.form>;
type Item = Form['sections'][number]['items'][number];
type Answers = NonNullable<RouteInput<typeof surveyApi.routes.submit>['body']['answers']>;
const AUTOSAVE_MS = 1500;

/**
 * The staff survey form, reached by the personal link from the invitation (no sign-in: the token is
 * the credential). Native fieldsets, legends, radio buttons and checkboxes, so keyboard and screen
 * readers work as everywhere; answers are saved as a draft while the person goes, and sent once.
 */
export function SurveyAnswerPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const en = i18n.language === 'en';
  const pick = (nl: string, english: string) => (en && english ? english : nl);
  const form = useQuery({
    queryKey: ['survey-answer', token],
    queryFn: () => api.survey.form({ params: { token } }),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (form.isPending) return <Loading />;
  if (form.error) {
    const notFound =
      form.error instanceof ApiError && (form.error.status === 404 || form.error.status === 400);
    return (
      <>
        <PageTitle>{t('survey.answer.title')}</PageTitle>
        {notFound ? (
          <Alert tone="warning">{t('survey.answer.unknownLink')}</Alert>
        ) : (
          <ErrorAlert error={form.error} />
        )}
      </>
    );
  }
  const data = form.data;
  const title = pick(data.wave.titleNl, data.wave.titleEn);
  if (data.status !== 'open')
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Alert tone={data.status === 'answered' ? 'success' : 'info'}>
          {t(`survey.answer.status.${data.status}`, {
            opensOn: data.wave.opensOn,
            closesOn: data.wave.closesOn,
          })}
        </Alert>
      </>
    );
  return <OpenForm token={token} form={data} title={title} pick={pick} />;
}

/**
 * The form as a respondent sees it. With `token` null it is an author's preview: the same questions and
 * controls, checked for required answers in the browser, and nothing is saved or sent.
 */
export function OpenForm({
  token,
  form,
  title,
  pick,
}: {
  token: string | null;
  form: Form;
  title: string;
  pick: (nl: string, en: string) => string;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(form.draft?.answers ?? {});
  const [demographics, setDemographics] = useState<Record<string, number | null>>(
    form.draft?.demographics ?? {},
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'failed'>(
    form.draft ? 'saved' : 'idle',
  );
  const [done, setDone] = useState<'submitted' | 'already_answered' | null>(null);
  const dirty = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => form.sections.flatMap((section) => section.items), [form.sections]);
  const answeredCount = items.filter((item) => isAnswered(answers[String(item.id)])).length;

  const save = useCallback(async () => {
    dirty.current = false;
    if (token === null) return;
    setSaveState('saving');
    try {
      await api.survey.saveDraft({ params: { token }, body: { answers: clean(answers), demographics } });
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  }, [token, answers, demographics]);

  // Autosave: a moment after the last change.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [save]);

  const setAnswer = (id: number, value: Answers[string]) => {
    dirty.current = true;
    setAnswers((current) => ({ ...current, [String(id)]: value }));
    setErrors((current) => {
      const { [`answers.${id}`]: _gone, ...rest } = current;
      return rest;
    });
  };

  const submit = useMutation({
    mutationFn: async () => {
      if (token !== null)
        return api.survey.submit({ params: { token }, body: { answers: clean(answers), demographics } });
      const missing = items.filter((item) => item.required && !isAnswered(answers[String(item.id)]));
      if (missing.length > 0)
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          t('survey.validation.requiredAnswer'),
          missing.map((item) => ({
            path: `body.answers.${item.id}`,
            message: t('survey.validation.requiredAnswer'),
          })),
        );
      return { status: 'submitted' as const };
    },
    onSuccess: (result) => {
      dirty.current = false;
      setDone(result.status);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        const next: Record<string, string> = {};
        for (const issue of error.issues) next[issue.path.replace(/^body\./, '')] ??= issue.message;
        setErrors(next);
      }
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  });

  if (done)
    return (
      <>
        <PageTitle>{t('survey.answer.thanksTitle')}</PageTitle>
        <Alert tone="success">
          {token === null
            ? t('survey.preview.submitted')
            : t(done === 'submitted' ? 'survey.answer.thanks' : 'survey.answer.status.answered')}
        </Alert>
        <p>{t('survey.answer.anonymity')}</p>
      </>
    );

  const errorEntries = Object.entries(errors);
  const itemLabel = (path: string) => {
    const id = path.split('.')[1];
    const index = items.findIndex((item) => String(item.id) === id);
    return index >= 0 ? t('survey.answer.questionN', { n: index + 1 }) : path;
  };

  return (
    <div className="survey-answer">
      <PageTitle>{title}</PageTitle>
      {token === null ? <Alert tone="info">{t('survey.preview.notice')}</Alert> : null}
      <p>{t('survey.answer.intro', { closesOn: form.wave.closesOn })}</p>
      <p className="survey-answer__anonymity">{t('survey.answer.anonymity')}</p>

      <div className="survey-answer__progress">
        <label htmlFor="survey-progress">
          {t('survey.answer.progress', { done: answeredCount, total: items.length })}
        </label>
        <progress id="survey-progress" max={items.length} value={answeredCount} />
        <p role="status" className="survey-answer__saved">
          {saveState === 'saving'
            ? t('survey.answer.saving')
            : saveState === 'saved'
              ? t('survey.answer.saved')
              : saveState === 'failed'
                ? t('survey.answer.saveFailed')
                : ''}
        </p>
      </div>

      <div ref={summaryRef} tabIndex={-1} className="survey-answer__summary">
        {submit.error && errorEntries.length > 0 ? (
          <Alert tone="error" title={t('survey.answer.fixErrors', { count: errorEntries.length })}>
            <ul>
              {errorEntries.map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(path)}`}>
                    {itemLabel(path)}: {message}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        ) : submit.error ? (
          <ErrorAlert error={submit.error} />
        ) : null}
      </div>

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        {form.sections.map((section) => (
          <section
            key={section.position}
            className="survey-section"
            aria-labelledby={`section-${section.position}`}
          >
            <h2 id={`section-${section.position}`}>{pick(section.titleNl, section.titleEn)}</h2>
            {section.introNl ? (
              <p className="survey-section__intro">{pick(section.introNl, section.introEn)}</p>
            ) : null}
            {section.items.map((item) => (
              <Question
                key={item.id}
                item={item}
                number={items.indexOf(item) + 1}
                value={answers[String(item.id)]}
                error={errors[`answers.${item.id}`]}
                onChange={(value) => setAnswer(item.id, value)}
                pick={pick}
              />
            ))}
          </section>
        ))}

        {form.demographics.length > 0 ? (
          <section className="survey-section" aria-labelledby="section-about">
            <h2 id="section-about">{t('survey.answer.aboutYou')}</h2>
            <p>{t('survey.answer.aboutYouIntro')}</p>
            {form.demographics.map((question) => (
              <fieldset
                key={question.key}
                className="survey-question"
                id={fieldId(`demographics.${question.key}`)}
              >
                <legend>{pick(question.labelNl, question.labelEn)}</legend>
                <div className="survey-choices">
                  {question.options.map((option, index) => (
                    <label key={option.nl} className="survey-choice">
                      <input
                        type="radio"
                        name={`demographic-${question.key}`}
                        checked={demographics[question.key] === index + 1}
                        onChange={() => {
                          dirty.current = true;
                          setDemographics((current) => ({ ...current, [question.key]: index + 1 }));
                        }}
                      />
                      <span>{pick(option.nl, option.en)}</span>
                    </label>
                  ))}
                  <label className="survey-choice">
                    <input
                      type="radio"
                      name={`demographic-${question.key}`}
                      checked={
                        demographics[question.key] === null || demographics[question.key] === undefined
                      }
                      onChange={() => {
                        dirty.current = true;
                        setDemographics((current) => ({ ...current, [question.key]: null }));
                      }}
                    />
                    <span>{t('survey.answer.preferNot')}</span>
                  </label>
                </div>
                {errors[`demographics.${question.key}`] ? (
                  <p className="field__error">{errors[`demographics.${question.key}`]}</p>
                ) : null}
              </fieldset>
            ))}
          </section>
        ) : null}

        <div className="survey-answer__actions">
          <Button type="submit" isDisabled={submit.isPending}>
            {submit.isPending ? t('survey.answer.sending') : t('survey.answer.submit')}
          </Button>
          <Button type="button" variant="secondary" onPress={() => void save()}>
            {t('survey.answer.saveLater')}
          </Button>
        </div>
        <p className="survey-answer__hint">{t('survey.answer.resumeHint')}</p>
      </form>
    </div>
  );
}

function Question({
  item,
  number,
  value,
  error,
  onChange,
  pick,
}: {
  item: Item;
  number: number;
  value: Answers[string] | undefined;
  error?: string;
  onChange: (value: Answers[string]) => void;
  pick: (nl: string, en: string) => string;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const id = fieldId(`answers.${item.id}`);
  const text = pick(item.textNl, item.textEn);
  const describedBy = error ? errorId : undefined;
  const required = item.required ? (
    <span className="survey-question__required"> {t('survey.answer.required')}</span>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="field__error">
      {error}
    </p>
  ) : null;

  if (item.kind === 'text') {
    const current = typeof value === 'string' ? value : '';
    return (
      <div className="survey-question">
        <label htmlFor={id} className="survey-question__label">
          <span className="survey-question__number">{number}. </span>
          {text}
          {required}
        </label>
        <textarea
          id={id}
          rows={4}
          maxLength={MAX_TEXT}
          value={current}
          aria-describedby={[`${id}-count`, describedBy].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <p id={`${id}-count`} className="survey-question__count">
          {t('survey.answer.charsLeft', { count: MAX_TEXT - [...current].length })}
        </p>
        <p className="survey-question__hint">{t('survey.answer.textHint')}</p>
        {errorText}
      </div>
    );
  }

  const choices: { value: number; label: string }[] =
    item.kind === 'agree5'
      ? [1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`survey.answer.agree.${v}`) }))
      : item.kind === 'scale10'
        ? Array.from({ length: 11 }, (_, v) => ({
            value: v,
            label:
              v === 0 ? t('survey.answer.scale.low') : v === 10 ? t('survey.answer.scale.high') : String(v),
          }))
        : item.options.map((option, index) => ({ value: index + 1, label: pick(option.nl, option.en) }));
  const multi = item.kind === 'multi';
  const chosen = multi ? (Array.isArray(value) ? value : []) : value;

  return (
    <fieldset
      className={`survey-question survey-question--${item.kind}`}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="survey-question__label">
        <span className="survey-question__number">{number}. </span>
        {text}
        {required}
        {multi ? <span className="survey-question__hint"> {t('survey.answer.chooseAll')}</span> : null}
      </legend>
      <div className={`survey-choices survey-choices--${item.kind}`}>
        {choices.map((choice) => (
          <label key={choice.value} className="survey-choice">
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={`item-${item.id}`}
              value={choice.value}
              checked={multi ? (chosen as number[]).includes(choice.value) : chosen === choice.value}
              onChange={(event) => {
                if (!multi) return onChange(choice.value);
                const list = chosen as number[];
                onChange(
                  event.target.checked ? [...list, choice.value] : list.filter((v) => v !== choice.value),
                );
              }}
            />
            <span>
              {item.kind === 'scale10' && choice.value > 0 && choice.value < 10 ? choice.value : choice.label}
            </span>
          </label>
        ))}
      </div>
      {!multi && chosen !== undefined && chosen !== null && !item.required ? (
        <button type="button" className="survey-question__clear" onClick={() => onChange(null)}>
          {t('survey.answer.clear')}
        </button>
      ) : null}
      {errorText}
    </fieldset>
  );
}

const fieldId = (path: string) => `q-${path.replace(/[^a-z0-9]+/gi, '-')}`;

function isAnswered(value: Answers[string] | undefined) {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Empty answers are left out; the server treats a missing answer as "not answered". */
function clean(answers: Answers) {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => isAnswered(value)));
}
