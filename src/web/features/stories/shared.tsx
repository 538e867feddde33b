import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../shared/api/contract';
import { MAX_IMAGE_BYTES, type storiesApi } from '../../../shared/api/stories';
import { MAX_STORY_IMAGES, storyReactions } from '../../../shared/domain';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { Button } from '../../ui/Button';
import { pick } from '../public/localized';
import { ValueTags } from '../recognition/shared';
import '../recognition/recognition.css';

export type Story = RouteOutput<typeof storiesApi.routes.get>;
export type PublicStoryList = RouteOutput<typeof storiesApi.routes.publicList>;

/** The stories module's limits: a few images of a few MB each, JPEG, PNG or WebP. */
export const MAX_IMAGES = MAX_STORY_IMAGES;
export const MAX_IMAGE_MB = MAX_IMAGE_BYTES / 1024 / 1024;
export const reactions = storyReactions;
const reactionIcon: Record<(typeof reactions)[number], string> = {
  heart: '♥',
  applause: '👏',
  inspired: '💡',
  thanks: '🙏',
};

export function StoryImages({ images }: { images: Story['images'] }) {
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
    mutationFn: (reaction: (typeof reactions)[number] | null) =>
      reaction
        ? api.stories.react({ params: { id: story.id }, body: { reaction } })
        : api.stories.unreact({ params: { id: story.id } }),
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
