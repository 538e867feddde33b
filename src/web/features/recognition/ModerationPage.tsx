import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { StoryModeration } from '../stories/StoryModeration';
import { type ModerationList, RecognitionNav, ValueTags } from './shared';
import './recognition.css';

/** /beheer/moderatie: reported messages and submitted stories, for the entity's coordinators and the programme admin. */
export function ModerationPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('recognition.web.moderation.title')}</PageTitle>
      <RecognitionNav />
      <p className="lead">{t('recognition.web.moderation.lead')}</p>
      <StoryModeration />
      <ReportedMessages />
    </>
  );
}

function ReportedMessages() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['recognition', 'moderation'],
    queryFn: () => api.recognition.moderationQueue(),
  });
  return (
    <section aria-labelledby="mod-messages">
      <h2 id="mod-messages">{t('recognition.web.moderation.messages')}</h2>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('recognition.web.moderation.empty')}</p>
          ) : (
            <ul className="rec-list">
              {data.items.map((item) => (
                <li key={item.message.id}>
                  <Reported item={item} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function Reported({ item }: { item: ModerationList['items'][number] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const headingId = useId();
  const resolve = useMutation({
    mutationFn: (action: 'keep' | 'hide') =>
      api.recognition.resolve({ params: { id: item.message.id }, body: { action, note } }),
    onSuccess: async (_data, action) => {
      toast.show(t(`recognition.web.moderation.done.${action}`));
      await queryClient.invalidateQueries({ queryKey: ['recognition'] });
    },
  });
  const m = item.message;
  return (
    <article className="rec-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`recognition.web.cardTitle.${m.kind}`, { from: m.sender.name, to: m.recipient.name })}
      </h3>
      <p className="muted small">
        {formatDate(m.createdAt)} · {t(`recognition.web.visibility.${m.visibility}`)}
      </p>
      <ValueTags values={m.values} />
      <p className="preserve-lines">{m.body}</p>
      <h4>{t('recognition.web.moderation.reports', { count: item.reports.length })}</h4>
      <ul>
        {item.reports.map((r) => (
          <li key={r.id} className="preserve-lines">
            {formatDate(r.createdAt)}: {r.reason}
          </li>
        ))}
      </ul>
      <div className="rec-card__actions">
        <TextField label={t('recognition.web.moderation.note')} value={note} onChange={setNote} />
        <Button variant="secondary" onPress={() => resolve.mutate('keep')} isPending={resolve.isPending}>
          {t('recognition.web.moderation.keep')}
        </Button>
        <Button variant="danger" onPress={() => resolve.mutate('hide')} isPending={resolve.isPending}>
          {t('recognition.web.moderation.hide')}
        </Button>
      </div>
    </article>
  );
}
