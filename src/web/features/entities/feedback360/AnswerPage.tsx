import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { pick } from '../../public/localized';
import { useValueNames } from '../plans/shared';
import { StatementScales } from './shared';

/** /360/:token: a rater answers by their personal link, without signing in. */
export function AnswerPage() {
  const { t } = useTranslation();
  const id = useId();
  const token = useParams().token ?? '';
  const locale = currentLocale();
  const { name } = useValueNames();
  const [scores, setScores] = useState<(number | null)[]>([]);
  const [comment, setComment] = useState('');
  const [showAsManager, setShowAsManager] = useState(false);
  const invitation = useQuery({
    queryKey: ['feedback360', 'invitation', token],
    queryFn: () => api.entitiesFeedback360.invitation({ params: { token } }),
    retry: false,
  });
  const send = useMutation({
    mutationFn: () =>
      api.entitiesFeedback360.answer({
        params: { token },
        body: {
          scores: (invitation.data?.statements ?? []).map((_, i) => scores[i] ?? 0),
          comment,
          showAsManager,
        },
      }),
  });
  const serverError = send.error instanceof ApiError ? send.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <>
      <PageTitle>{t('entitiesFeedback360.answer.title')}</PageTitle>
      <QueryState query={invitation}>
        {(data) =>
          send.isSuccess || data.answered ? (
            <Alert tone="success">{t('entitiesFeedback360.answer.thanks')}</Alert>
          ) : !data.open ? (
            <Alert tone="info">{t('entitiesFeedback360.answer.closed')}</Alert>
          ) : (
            <>
              <p className="lead">
                {t('entitiesFeedback360.answer.lead', { leader: data.leaderName, closesOn: data.closesOn })}
              </p>
              <p>{t('entitiesFeedback360.answer.anonymity')}</p>
              <Form onSubmit={submit} className="form">
                {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
                <StatementScales
                  idPrefix={`${id}-rate`}
                  statements={data.statements}
                  scores={scores}
                  onChange={(index, score) =>
                    setScores((list) => {
                      const next = [...list];
                      next[index] = score;
                      return next;
                    })
                  }
                  valueName={name}
                  text={(s) => pick(locale, s.textNl, s.textEn)}
                />
                <TextField
                  name="comment"
                  label={t('entitiesFeedback360.answer.comment')}
                  description={t('entitiesFeedback360.answer.commentHelp')}
                  value={comment}
                  onChange={setComment}
                  multiline
                  rows={4}
                />
                {data.group === 'manager' ? (
                  <div className="field">
                    <label>
                      <input
                        type="checkbox"
                        checked={showAsManager}
                        onChange={(event) => setShowAsManager(event.target.checked)}
                      />{' '}
                      {t('entitiesFeedback360.answer.showAsManager')}
                    </label>
                  </div>
                ) : null}
                <div className="ent-actions">
                  <Button type="submit" isPending={send.isPending}>
                    {t('entitiesFeedback360.answer.submit')}
                  </Button>
                </div>
              </Form>
            </>
          )
        }
      </QueryState>
    </>
  );
}
