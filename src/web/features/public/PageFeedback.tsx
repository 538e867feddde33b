import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { contentApi } from '../../../shared/api/content';
import type { RouteInput } from '../../../shared/api/contract';
import { ApiError, api } from '../../app/api';
import type { Locale } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';

type Feedback = RouteInput<typeof contentApi.routes.feedback>['body'];

/** "Was deze pagina nuttig?": thumbs up or down, an optional comment, then a thank-you that is announced. */
export function PageFeedback({ slug, locale }: { slug: string; locale: Locale }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [useful, setUseful] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [website, setWebsite] = useState('');
  const send = useMutation({
    mutationFn: (body: Feedback) => api.content.feedback({ params: { slug }, body }),
  });
  const fieldErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (useful === null) return;
    const trimmed = comment.trim();
    send.mutate({ locale, useful, website, ...(trimmed ? { comment: trimmed } : {}) });
  };

  return (
    <section className="feedback" aria-labelledby={headingId}>
      <h2 id={headingId} className="feedback__title">
        {t('web.feedback.question')}
      </h2>
      {/* Always in the page so the thank-you is announced when it appears. */}
      <div role="status" className="feedback__status">
        {send.isSuccess ? <p className="feedback__thanks">{t('web.feedback.thanks')}</p> : null}
      </div>
      {send.isSuccess ? null : (
        <Form
          onSubmit={submit}
          validationErrors={fieldErrors}
          validationBehavior="aria"
          className="feedback__form"
        >
          <fieldset className="feedback__choices" aria-labelledby={headingId}>
            <Button
              variant={useful === true ? 'primary' : 'secondary'}
              aria-pressed={useful === true}
              onPress={() => setUseful(true)}
              className="feedback__choice"
            >
              <ThumbIcon direction="up" />
              {t('web.feedback.yes')}
            </Button>
            <Button
              variant={useful === false ? 'primary' : 'secondary'}
              aria-pressed={useful === false}
              onPress={() => setUseful(false)}
              className="feedback__choice"
            >
              <ThumbIcon direction="down" />
              {t('web.feedback.no')}
            </Button>
          </fieldset>
          {useful !== null ? (
            <>
              <TextField
                label={
                  useful ? t('web.feedback.commentLabelUseful') : t('web.feedback.commentLabelNotUseful')
                }
                description={t('web.feedback.commentHint')}
                name="comment"
                multiline
                rows={3}
                maxLength={2000}
                value={comment}
                onChange={setComment}
              />
              {/* Honeypot: people never see or reach this field; bots that fill it are ignored by the server. */}
              <div className="honeypot" aria-hidden="true">
                <label>
                  {t('web.feedback.website')}
                  <input
                    type="text"
                    name="website"
                    tabIndex={-1}
                    autoComplete="off"
                    value={website}
                    onChange={(event) => setWebsite(event.target.value)}
                  />
                </label>
              </div>
              <Button type="submit" isPending={send.isPending}>
                {t('web.feedback.send')}
              </Button>
            </>
          ) : null}
          {send.error && !Object.keys(fieldErrors).length ? (
            <Alert tone="error">{(send.error as Error).message}</Alert>
          ) : null}
        </Form>
      )}
    </section>
  );
}

function ThumbIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      className={`thumb thumb--${direction}`}
    >
      <path
        d="M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 7.9 6 8.4 6 9v10c0 1.1.9 2 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
        fill="currentColor"
      />
    </svg>
  );
}
