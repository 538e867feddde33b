import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import { TextField } from '../../ui/TextField';
import {
  type AnswerInput,
  isValueKey,
  type Level,
  learningKeys,
  type Question,
  tr,
  type ValueKey,
} from './learning-api';
import './learning.css';

/** Dutch URL words for the levels. */
const levelSlugs: Record<Level, string> = { knows: 'kennen', explains: 'uitleggen', applies: 'toepassen' };
const levelFromSlug = (slug: string | null): Level | undefined =>
  (Object.keys(levelSlugs) as Level[]).find((level) => levelSlugs[level] === slug);

/** /leren/oefenen — due cards first, then new questions; ?niveau=kennen|uitleggen|toepassen, ?waarde=… (dilemmas). */
export function PracticePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const valueParam = params.get('waarde');
  const value = isValueKey(valueParam) ? valueParam : undefined;
  const level = value ? 'applies' : levelFromSlug(params.get('niveau'));
  const title = value
    ? t('learning.practice.titleValue', { value: t(`learning.values.${value}`) })
    : t('learning.practice.title');

  return (
    <>
      <Breadcrumbs items={[{ href: paths.learning, label: t('learning.home.title') }, { label: title }]} />
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('learning.practice.lead')}</p>
      <nav aria-label={t('learning.practice.levelNav')}>
        <ul className="learning-level-nav">
          {([undefined, 'knows', 'explains', 'applies'] as const).map((l) => {
            const href = l ? `${paths.learningPractice}?niveau=${levelSlugs[l]}` : paths.learningPractice;
            const current = !value && l === level;
            return (
              <li key={l ?? 'all'}>
                <Link
                  className="btn btn--secondary btn--small"
                  to={href}
                  aria-current={current ? 'page' : undefined}
                >
                  {l ? t(`learning.levels.${l}`) : t('learning.practice.allLevels')}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="muted">{level ? t(`learning.levelHelp.${level}`) : t('learning.practice.mixed')}</p>
      <PracticeSession key={`${level ?? ''}:${value ?? ''}`} level={level} value={value} />
    </>
  );
}

function PracticeSession({ level, value }: { level?: Level; value?: ValueKey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const practice = useQuery({
    queryKey: learningKeys.practice(level, value),
    queryFn: () => api.learning.practice({ query: { level, value } }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const [position, setPosition] = useState(0);

  const again = async () => {
    setPosition(0);
    await queryClient.invalidateQueries({ queryKey: learningKeys.practice(level, value) });
  };

  return (
    <QueryState query={practice}>
      {(data) => {
        const question = data.questions[position];
        if (data.questions.length === 0) {
          return (
            <Alert tone="info" title={t('learning.practice.emptyTitle')}>
              <p>
                {data.nextDueAt
                  ? t('learning.home.nextDue', { date: formatDate(data.nextDueAt) })
                  : t('learning.practice.emptyText')}
              </p>
              <p>
                <Link to={paths.learningProgress}>{t('learning.home.progressLink')}</Link>
              </p>
            </Alert>
          );
        }
        if (!question) {
          return (
            <Alert tone="success" title={t('learning.practice.doneTitle')}>
              <p>{t('learning.practice.doneText')}</p>
              <div className="button-row">
                <Button onPress={again}>{t('learning.practice.more')}</Button>
                <Link className="btn btn--secondary" to={paths.learningProgress}>
                  {t('learning.home.progressLink')}
                </Link>
              </div>
            </Alert>
          );
        }
        return (
          <>
            <p className="muted" aria-live="polite">
              {t('learning.practice.counter', { number: position + 1, total: data.questions.length })}
              {' · '}
              {t('learning.practice.queue', {
                due: t('learning.practice.queueDue', { count: data.dueCount }),
                fresh: t('learning.practice.queueFresh', { count: data.newCount }),
              })}
            </p>
            <QuestionCard
              key={question.id}
              question={question}
              onNext={() => setPosition((p) => p + 1)}
              isLast={position === data.questions.length - 1}
            />
          </>
        );
      }}
    </QueryState>
  );
}

function QuestionCard({
  question,
  onNext,
  isLast,
}: {
  question: Question;
  onNext: () => void;
  isLast: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string | null>(null);
  const [justification, setJustification] = useState('');
  const [choiceMissing, setChoiceMissing] = useState(false);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);

  const answer = useMutation({
    mutationFn: (body: AnswerInput) => api.learning.answer({ params: { id: question.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: learningKeys.progress });
    },
  });
  const result = answer.data;
  useEffect(() => {
    if (result) feedbackHeading.current?.focus();
  }, [result]);

  const errors = answer.error instanceof ApiError ? answer.error.fieldErrors() : {};
  const optionLabel = (id: string, text: { nl: string; en: string }) =>
    question.level === 'applies' ? tr(locale, text) : t(`learning.values.${id}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setChoiceMissing(true);
      return;
    }
    setChoiceMissing(false);
    answer.mutate(question.level === 'applies' ? { choice, justification } : { choice });
  };

  const headingId = `question-${question.id}`;
  return (
    <section className="learning-question" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {question.title ? tr(locale, question.title) : t(`learning.questionHeading.${question.level}`)}
        {question.review ? <span className="badge badge--focus">{t('learning.practice.review')}</span> : null}
      </h2>
      <p className="muted">
        {t(`learning.levels.${question.level}`)}
        {question.valueKey ? ` · ${t(`learning.values.${question.valueKey}`)}` : ''}
      </p>
      <p className="learning-question__prompt">{tr(locale, question.prompt)}</p>

      <Form onSubmit={submit} validationBehavior="aria">
        <RadioGroup
          className="learning-radio-group"
          value={choice}
          onChange={(v) => {
            setChoice(v);
            setChoiceMissing(false);
          }}
          isDisabled={!!result}
          isRequired
          isInvalid={choiceMissing || !!errors.choice}
        >
          <Label className="field__label">
            {question.question ? tr(locale, question.question) : t(`learning.questionAsk.${question.level}`)}
          </Label>
          {question.options.map((option) => (
            <Radio key={option.id} value={option.id} className="learning-radio">
              <span className="learning-radio__dot" aria-hidden="true" />
              <span>{optionLabel(option.id, option.text)}</span>
            </Radio>
          ))}
          {choiceMissing || errors.choice ? (
            <p className="field__error" role="alert">
              {errors.choice ?? t('learning.practice.chooseFirst')}
            </p>
          ) : null}
        </RadioGroup>
        {question.justification === 'required' ? (
          <TextField
            label={t('learning.practice.justification')}
            description={t('learning.practice.justificationHelp')}
            multiline
            rows={3}
            value={justification}
            onChange={setJustification}
            isRequired
            isDisabled={!!result}
            maxLength={1000}
            errorMessage={errors.justification}
          />
        ) : null}
        {answer.error && !errors.choice && !errors.justification ? <ErrorAlert error={answer.error} /> : null}
        {result ? null : (
          <div className="form__actions">
            <Button type="submit" isPending={answer.isPending}>
              {t('learning.practice.check')}
            </Button>
          </div>
        )}
      </Form>

      {result ? (
        <div className="learning-feedback">
          <Alert tone={result.correct ? 'success' : 'warning'}>
            <h3 ref={feedbackHeading} tabIndex={-1} className="alert__title">
              {result.correct ? t('learning.practice.right') : t('learning.practice.wrong')}
            </h3>
            {question.level !== 'applies' ? (
              <p>
                {t('learning.practice.answerIs', { value: t(`learning.values.${result.correctChoice}`) })}
              </p>
            ) : null}
            {result.explanation ? <p>{tr(locale, result.explanation)}</p> : null}
          </Alert>
          {question.level === 'applies' ? (
            <>
              <h3>{t('learning.practice.feedbackHeading')}</h3>
              <ul className="learning-feedback__options">
                {result.options.map((o) => (
                  <li key={o.id}>
                    <strong>
                      {tr(locale, o.text)}
                      {o.best ? ` — ${t('learning.practice.best')}` : ''}
                      {o.id === choice ? ` (${t('learning.practice.yourChoice')})` : ''}
                    </strong>
                    <br />
                    {tr(locale, o.feedback)}
                  </li>
                ))}
              </ul>
              <p>
                {t('learning.practice.atStake')}{' '}
                {result.valuesAtStake.map((v) => t(`learning.values.${v}`)).join(', ')}
              </p>
            </>
          ) : null}
          <p className="muted">
            {result.correct
              ? t('learning.practice.nextReview', { date: formatDate(result.dueAt) })
              : t('learning.practice.comesBack', { date: formatDate(result.dueAt) })}
          </p>
          <Button onPress={onNext}>
            {isLast ? t('learning.practice.finish') : t('learning.practice.next')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
