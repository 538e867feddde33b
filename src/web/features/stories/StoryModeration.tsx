import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { QueryState } from '../../ui/QueryState';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { type Story, StoryCard } from './shared';

type Status = 'pending' | 'approved' | 'rejected';

/** The stories half of the moderation page: approve, or reject with a reason the author reads. */
export function StoryModeration() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pending');
  const query = useQuery({
    queryKey: ['stories', 'moderation', status],
    queryFn: () => api.stories.moderationQueue({ query: { status } }),
  });
  return (
    <section aria-labelledby="mod-stories">
      <h2 id="mod-stories">{t('stories.web.moderation.heading')}</h2>
      <label className="field">
        <span className="field__label">{t('stories.web.moderation.show')}</span>
        <select
          className="field__input"
          value={status}
          onChange={(event) => setStatus(event.target.value as Status)}
        >
          {(['pending', 'approved', 'rejected'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`stories.web.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('stories.web.moderation.empty')}</p>
          ) : (
            <ul className="rec-list">
              {data.items.map((story) => (
                <li key={story.id}>
                  <ModerateStory story={story} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function ModerateStory({ story }: { story: Story }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      api.stories.moderate({ params: { id: story.id }, body: { decision, reason } }),
    onSuccess: async (updated) => {
      toast.show(t(`stories.web.moderation.done.${updated.status}`, { title: updated.title }));
      await queryClient.invalidateQueries({ queryKey: ['stories'] });
    },
  });
  const error = decide.error instanceof ApiError ? decide.error : null;
  return (
    <div>
      <StoryCard story={story} headingLevel={3} />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <div className="rec-card__actions">
        {story.status !== 'approved' ? (
          <Button onPress={() => decide.mutate('approve')} isPending={decide.isPending}>
            {t('stories.web.moderation.approve')}
          </Button>
        ) : null}
        {story.status !== 'rejected' ? (
          <>
            <TextField
              label={t('stories.web.moderation.reason')}
              value={reason}
              onChange={setReason}
              errorMessage={error?.fieldErrors().reason}
            />
            <Button variant="danger" onPress={() => decide.mutate('reject')} isPending={decide.isPending}>
              {t('stories.web.moderation.reject')}
            </Button>
          </>
        ) : null}
      </div>
    </div>
  );
}
