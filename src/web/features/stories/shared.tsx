import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { publicListOut, storyListOut, storyOut } from '../../../shared/api/stories';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { Button } from '../../ui/Button';
import { pick } from '../public/localized';
import { ValueTags } from '../recognition/shared';
import '../recognition/recognition.css';

export type Story = z.infer<typeof storyOut>;
export type StoryList = z.infer<typeof storyListOut>;
export type PublicStoryList = z.infer<typeof publicListOut>;

/** Mirrors the stories module: at most 4 images of 5 MB, JPEG, PNG or WebP. */
export const MAX_IMAGES = 4;
export const MAX_IMAGE_MB = 5;
export const reactions = ['heart', 'applause', 'inspired', 'thanks'] as const;
const reactionIcon: Record<(typeof reactions)[number], string> = {
  heart: '♥',
  applause: '👏',
  inspired: '💡',
  thanks: '🙏',
};

export function StoryImages({
  images,
}: {
  images: { id: number; url: string; alt: string; width: number; height: number }[];
}) {
  if (images.length === 0) return null;
  return (
    <div className="rec-figures">
      {images.map((image) => (
        <img
          key={image.id}
          src={image.url}
          alt={image.alt}
          width={image.width}
          height={image.height}
          loading="lazy"
        />
      ))}
    </div>
  );
}

/** One story in the internal gallery, with its reactions (one per person, from a fixed set). */
export function StoryCard({ story, headingLevel = 2 }: { story: Story; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const headingId = useId();
  const react = useMutation({
    mutationFn: (reaction: string | null) =>
      reaction
        ? api.put<Story>(`/api/stories/${story.id}/reaction`, { reaction })
        : api.delete<Story>(`/api/stories/${story.id}/reaction`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stories'] }),
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="rec-card" aria-labelledby={headingId}>
      <Heading id={headingId}>{story.title}</Heading>
      <p className="muted small">
        {t('stories.web.byline', {
          author: story.authorName,
          entity: story.entity ? pick(locale, story.entity.nameNl, story.entity.nameEn) : '—',
          date: formatDate(story.createdAt),
        })}
      </p>
      <ValueTags values={story.values} />
      <StoryImages images={story.images} />
      <p className="preserve-lines">{story.body}</p>
      {story.status === 'approved' ? (
        <fieldset className="rec-reactions">
          <legend className="visually-hidden">{t('stories.web.reactionsLabel')}</legend>
          {reactions.map((r) => {
            const count = story.reactions[r] ?? 0;
            const mine = story.myReaction === r;
            return (
              <Button
                key={r}
                variant="secondary"
                className="btn--small"
                aria-pressed={mine}
                isDisabled={react.isPending}
                onPress={() => react.mutate(mine ? null : r)}
              >
                <span aria-hidden="true">{reactionIcon[r]} </span>
                {t(`stories.web.reaction.${r}`)} ({count})
              </Button>
            );
          })}
        </fieldset>
      ) : null}
    </article>
  );
}
