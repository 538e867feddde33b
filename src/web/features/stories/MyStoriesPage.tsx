import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { ConfirmDialog } from '../../ui/Dialog';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { useToast } from '../../ui/Toast';
import { RecognitionNav, recognitionPaths } from '../recognition/shared';
import { type Story, StoryCard } from './shared';

/** /galerij/mijn: the author's own stories, their status, the public-site consent, and withdrawal. */
export function MyStoriesPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['stories', 'mine'],
    queryFn: () => api.stories.mine(),
  });
  return (
    <>
      <PageTitle>{t('stories.web.mine.title')}</PageTitle>
      <RecognitionNav />
      <p>
        <ButtonLink href={recognitionPaths.submit}>{t('stories.web.gallery.share')}</ButtonLink>
      </p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('stories.web.mine.empty')}</p>
          ) : (
            <ul className="rec-list">
              {data.items.map((story) => (
                <li key={story.id}>
                  <MyStory story={story} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function MyStory({ story }: { story: Story }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['stories'] });
  const consent = useMutation({
    mutationFn: (publicConsent: boolean) =>
      api.stories.setConsent({ params: { id: story.id }, body: { publicConsent } }),
    onSuccess: async (updated) => {
      toast.show(t(updated.publicConsent ? 'stories.web.mine.consentOn' : 'stories.web.mine.consentOff'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.stories.remove({ params: { id: story.id } }),
    onSuccess: async () => {
      setConfirm(false);
      toast.show(t('stories.web.mine.deleted'));
      await refresh();
    },
  });
  return (
    <div>
      <Alert
        tone={story.status === 'approved' ? 'success' : story.status === 'rejected' ? 'warning' : 'info'}
      >
        {t(`stories.web.status.${story.status}`)}
        {story.status === 'rejected' && story.rejectReason ? (
          <span className="preserve-lines">
            {' '}
            {t('stories.web.mine.reason', { reason: story.rejectReason })}
          </span>
        ) : null}
      </Alert>
      <StoryCard story={story} />
      <div className="rec-card__actions">
        <Checkbox
          isSelected={story.publicConsent}
          onChange={(on) => consent.mutate(on)}
          isDisabled={consent.isPending}
        >
          {t('stories.web.submit.consent')}
        </Checkbox>
        <Button variant="danger" onPress={() => setConfirm(true)}>
          {t('stories.web.mine.delete')}
        </Button>
      </div>
      <ConfirmDialog
        title={t('stories.web.mine.deleteTitle')}
        message={t('stories.web.mine.deleteText', { title: story.title })}
        confirmLabel={t('stories.web.mine.delete')}
        isOpen={confirm}
        onOpenChange={setConfirm}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        variant="danger"
      />
    </div>
  );
}
