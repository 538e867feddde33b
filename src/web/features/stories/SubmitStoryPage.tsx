import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { submissionData } from '../../../shared/api/stories';
import { ApiError, api } from '../../app/api';
import type { ValueKey } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { PageTitle } from '../../ui/PageTitle';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { RecognitionNav, recognitionPaths, ValuePicker } from '../recognition/shared';
import { MAX_IMAGE_MB, MAX_IMAGES } from './shared';

/** The `data` part of the submission, as the server's schema accepts it. */
type SubmissionInput = z.input<typeof submissionData>;

/** /galerij/nieuw: share a story, photo or artwork about the values; a moderator looks at it first. */
export function SubmitStoryPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [values, setValues] = useState<ValueKey[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [alts, setAlts] = useState<string[]>([]);
  const [publicConsent, setPublicConsent] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = useMutation({
    mutationFn: () => {
      const form = new FormData();
      const data: SubmissionInput = { title, body, values, publicConsent, alts };
      form.append('data', JSON.stringify(data));
      for (const file of files) form.append('images', file, file.name);
      return api.stories.submit({ body: form });
    },
    onSuccess: async () => {
      toast.show(t('stories.web.submit.sent'));
      await queryClient.invalidateQueries({ queryKey: ['stories'] });
      navigate(recognitionPaths.mine);
    },
  });
  const serverError = submit.error instanceof ApiError ? submit.error : null;
  const errors = serverError?.fieldErrors() ?? {};
  const imageError =
    fileError ?? Object.entries(errors).find(([path]) => path.startsWith('images'))?.[1] ?? null;

  const pickFiles = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    if (chosen.length > MAX_IMAGES) setFileError(t('stories.errors.tooManyImages', { max: MAX_IMAGES }));
    else if (chosen.some((f) => f.size > MAX_IMAGE_MB * 1024 * 1024))
      setFileError(t('stories.errors.imageTooLarge', { max: MAX_IMAGE_MB }));
    else setFileError(null);
    const kept = chosen.slice(0, MAX_IMAGES);
    setFiles(kept);
    setAlts(kept.map((_, i) => alts[i] ?? ''));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (fileError) return;
    submit.mutate();
  };

  return (
    <>
      <PageTitle>{t('stories.web.submit.title')}</PageTitle>
      <RecognitionNav />
      <p className="lead">{t('stories.web.submit.lead')}</p>
      <Form onSubmit={onSubmit} validationErrors={errors} validationBehavior="aria" className="form">
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <TextField
          name="title"
          label={t('stories.web.submit.storyTitle')}
          value={title}
          onChange={setTitle}
          isRequired
        />
        <TextField
          name="body"
          label={t('stories.web.submit.body')}
          description={t('stories.web.submit.bodyHint')}
          multiline
          rows={8}
          value={body}
          onChange={setBody}
          isRequired
        />
        <ValuePicker
          legend={t('stories.web.submit.values')}
          values={values}
          onChange={setValues}
          error={errors.values}
        />
        <div className="field">
          <label className="field__label" htmlFor="story-images">
            {t('stories.web.submit.images')}
          </label>
          <p className="field__description" id="story-images-hint">
            {t('stories.web.submit.imagesHint', { max: MAX_IMAGES, mb: MAX_IMAGE_MB })}
          </p>
          <input
            id="story-images"
            type="file"
            className="field__file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            aria-describedby={imageError ? 'story-images-hint story-images-error' : 'story-images-hint'}
            aria-invalid={imageError ? true : undefined}
            onChange={(event) => pickFiles(event.target.files)}
          />
          {imageError ? (
            <p className="field__error" id="story-images-error" role="alert">
              {imageError}
            </p>
          ) : null}
        </div>
        {files.map((file, i) => (
          <TextField
            key={`${file.name}-${file.size}-${file.lastModified}`}
            label={t('stories.web.submit.alt', { name: file.name })}
            description={t('stories.web.submit.altHint')}
            value={alts[i] ?? ''}
            onChange={(text) => setAlts(alts.map((a, j) => (j === i ? text : a)))}
            isRequired
            errorMessage={errors[`alts.${i}`] ?? errors.alts}
          />
        ))}
        <Checkbox isSelected={publicConsent} onChange={setPublicConsent}>
          {t('stories.web.submit.consent')}
        </Checkbox>
        <p className="muted small">{t('stories.web.submit.consentHint')}</p>
        <Button type="submit" isPending={submit.isPending}>
          {t('stories.web.submit.submit')}
        </Button>
      </Form>
    </>
  );
}
