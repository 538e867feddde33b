import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT, VALUE_KEYS } from '../../../../shared/api/contact-feedback';
import { ApiError, api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import './feedback.css';

type Field = 'satisfaction' | (typeof VALUE_KEYS)[number];
const SCORES = [1, 2, 3, 4, 5] as const;
const SMILEYS = ['😞', '🙁', '😐', '🙂', '😄'] as const;

type Answers = Partial<Record<Field, number>>;

/** Five choices as native radio buttons in a fieldset: keyboard and screen readers know them as they are. */
function Scale({
  name,
  legend,
  value,
  onChange,
  labelOf,
  iconOf,
  error,
}: {
  name: string;
  legend: string;
  value: number | undefined;
  onChange: (value: number) => void;
  labelOf: (score: number) => string;
  iconOf?: (score: number) => string;
  error?: string;
}) {
  const errorId = useId();
  return (
    <fieldset
      className={['feedback__scale', iconOf ? 'feedback__scale--smileys' : ''].join(' ')}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="feedback__legend">{legend}</legend>
      <div className="feedback__options">
        {SCORES.map((score) => (
          <label key={score} className="feedback__option">
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
              aria-invalid={error ? true : undefined}
            />
            {iconOf ? (
              <span className="feedback__smiley" aria-hidden="true">
                {iconOf(score)}
              </span>
            ) : null}
            <span className="feedback__option-label">{labelOf(score)}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="feedback__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The citizen's rating of one contact: satisfaction (five smileys), four statements on the values and an
 * optional comment. The token is single-use; the server keeps the rating without the citizen's identity.
 */
export function ContactFeedbackForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [nothing, setNothing] = useState(false);
  const commentId = useId();
  const hintId = useId();
  const send = useMutation({
    mutationFn: (body: Answers & { comment: string | null }) =>
      api.contactFeedback.submit({ params: { token }, body }),
  });
  const serverErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const errorOf = (field: Field) => serverErrors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Every question is optional; only a rating with nothing in it at all is refused.
    const empty = Object.keys(answers).length === 0 && !comment.trim();
    setNothing(empty);
    if (empty) {
      document.querySelector<HTMLInputElement>('input[name="satisfaction"]')?.focus();
      return;
    }
    send.mutate({ ...answers, comment: comment.trim() || null });
  };

  if (send.isSuccess)
    return (
      <Alert tone="success" className="feedback__done">
        {t('contactFeedback.thanks')}
      </Alert>
    );
  const gone = send.error instanceof ApiError && send.error.status === 404;
  if (gone) return <Alert tone="warning">{t('contactFeedback.invalid')}</Alert>;

  const set = (field: Field) => (value: number) => {
    setAnswers((previous) => ({ ...previous, [field]: value }));
    setNothing(false);
  };

  return (
    <form className="feedback" onSubmit={submit} noValidate aria-label={t('contactFeedback.title')}>
      <h2 className="feedback__title">{t('contactFeedback.title')}</h2>
      <p className="feedback__intro">{t('contactFeedback.optionalHint')}</p>
      {nothing || serverErrors.body ? <Alert tone="error">{t('contactFeedback.errorSummary')}</Alert> : null}
      <Scale
        name="satisfaction"
        legend={t('contactFeedback.satisfaction')}
        value={answers.satisfaction}
        onChange={set('satisfaction')}
        labelOf={(score) => t(`contactFeedback.smileys.${score}`)}
        iconOf={(score) => SMILEYS[score - 1]!}
        error={errorOf('satisfaction')}
      />
      <p className="feedback__intro">{t('contactFeedback.statementsIntro')}</p>
      {VALUE_KEYS.map((key) => (
        <Scale
          key={key}
          name={key}
          legend={`${t(`contactFeedback.values.${key}`)}: ${t(`contactFeedback.statements.${key}`)}`}
          value={answers[key]}
          onChange={set(key)}
          labelOf={(score) => t(`contactFeedback.agree.${score}`)}
          error={errorOf(key)}
        />
      ))}
      <div className="field">
        <label htmlFor={commentId} className="field__label">
          {t('contactFeedback.comment')}
        </label>
        <p id={hintId} className="field__description">
          {t('contactFeedback.commentHint')}
        </p>
        <textarea
          id={commentId}
          className="field__input"
          rows={3}
          maxLength={MAX_COMMENT}
          aria-describedby={hintId}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        {serverErrors.comment ? <p className="feedback__error">{serverErrors.comment}</p> : null}
      </div>
      {send.error && !gone && !(send.error instanceof ApiError && send.error.status === 400) ? (
        <Alert tone="error">{t('contactFeedback.failed')}</Alert>
      ) : null}
      <Button type="submit" isDisabled={send.isPending}>
        {send.isPending ? t('contactFeedback.sending') : t('contactFeedback.submit')}
      </Button>
    </form>
  );
}
