import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormError } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';

/**
 * Chooses a step's image among our illustrations and the uploaded images, or uploads a new one. Native
 * radio buttons in a fieldset: arrow keys move between images, and each choice is named by its file.
 */
export function ImagePicker({
  value,
  onChange,
  errorMessage,
  name,
}: {
  value: string | null;
  onChange: (url: string | null) => void;
  errorMessage?: string;
  /** Distinguishes the radio groups of several steps on one page. */
  name: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const images = useQuery({ queryKey: ['learning', 'images'], queryFn: () => api.learning.images() });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('image', file, file.name);
      return api.learning.uploadImage({ body: form });
    },
    onSuccess: async (image) => {
      await client.invalidateQueries({ queryKey: ['learning', 'images'] });
      onChange(image.url);
      if (fileInput.current) fileInput.current.value = '';
    },
  });
  return (
    <fieldset className="image-picker" aria-describedby={errorMessage ? `${id}-error` : undefined}>
      <legend className="field__label">{t('learning.admin.image')}</legend>
      <QueryState query={images}>
        {(list) => {
          const known = value === null || list.some((image) => image.url === value);
          return (
            <ul className="image-picker__list">
              <li>
                <label className="image-picker__choice">
                  <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
                  <span className="image-picker__none">{t('learning.admin.noImage')}</span>
                </label>
              </li>
              {known ? null : (
                <li>
                  <label className="image-picker__choice">
                    <input type="radio" name={name} checked onChange={() => undefined} />
                    <span>{value}</span>
                  </label>
                </li>
              )}
              {list.map((image) => (
                <li key={image.url}>
                  <label className="image-picker__choice">
                    <input
                      type="radio"
                      name={name}
                      checked={value === image.url}
                      onChange={() => onChange(image.url)}
                    />
                    {/* The file name beside it names the choice; the thumbnail adds nothing to read. */}
                    <img src={image.url} alt="" className="image-picker__thumb" loading="lazy" />
                    <span>{image.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('learning.admin.uploadImage')}
        </label>
        <span id={`${id}-help`} className="field__description">
          {t('learning.admin.uploadHelp')}
        </span>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="field__file"
          aria-describedby={`${id}-help`}
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
        {upload.isPending ? <p role="status">{t('learning.admin.uploading')}</p> : null}
        {upload.error ? <FormError error={upload.error} /> : null}
      </div>
      {errorMessage ? (
        <p id={`${id}-error`} className="field__error">
          {errorMessage}
        </p>
      ) : null}
    </fieldset>
  );
}
