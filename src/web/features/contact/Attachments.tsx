import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_ACCEPT,
  DEFAULT_ATTACHMENT_MAX_FILES,
  DEFAULT_ATTACHMENT_MAX_MB,
} from '../../../shared/api/contact-mail';
import { api } from '../../app/api';
import { Button } from '../../ui/Button';

/** The first per-file message of a refused upload (`files.<n>`), which names what was wrong with which file. */
export function fileError(errors: Record<string, string>) {
  const key = Object.keys(errors).find((path) => path === 'files' || path.startsWith('files.'));
  return key ? errors[key] : undefined;
}

const fileKey = (file: File) => `${file.name}/${file.size}/${file.lastModified}`;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/**
 * A native file input (keyboard and screen readers know it) with its hint, the chosen files each with a
 * remove button, and the server's message about a refused file. The server decides by content; `accept`
 * only narrows the browser's dialog.
 */
export function AttachmentPicker({
  files,
  onChange,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field contact-attachments">
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('contactMail.attachments.files')}
      </label>
      <p className="field__description" id={hintId}>
        {t('contactMail.attachments.filesHint', {
          max: DEFAULT_ATTACHMENT_MAX_FILES,
          size: DEFAULT_ATTACHMENT_MAX_MB,
        })}
      </p>
      <input
        ref={input}
        id={`${id}-input`}
        name="files"
        type="file"
        className="field__file"
        accept={ATTACHMENT_ACCEPT}
        multiple
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          // The same file chosen twice is attached once.
          const added = Array.from(event.target.files ?? []).filter(
            (file) => !files.some((kept) => fileKey(kept) === fileKey(file)),
          );
          onChange([...files, ...added]);
          // Cleared, so the same file can be chosen again after removing it.
          event.target.value = '';
        }}
      />
      {files.length > 0 ? (
        <ul className="contact-attachments__list" aria-label={t('contactMail.attachments.list')}>
          {files.map((file, index) => (
            <li key={fileKey(file)}>
              <span>
                {file.name} ({sizeText(file.size)})
              </span>{' '}
              <Button
                variant="secondary"
                onPress={() => {
                  onChange(files.filter((_, i) => i !== index));
                  input.current?.focus();
                }}
              >
                {t('contactMail.attachments.remove', { name: file.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The attachments of one ticket message, each a download link (the server sends it as an attachment). */
export function AttachmentLinks({
  ticketId,
  attachments,
}: {
  ticketId: number;
  attachments: { id: number; fileName: string; sizeBytes: number }[];
}) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="contact-attachments__links" aria-label={t('contactMail.attachments.list')}>
      {attachments.map((file) => (
        <li key={file.id}>
          <a
            href={api.contactMail.attachment.href({ params: { id: ticketId, attachmentId: file.id } })}
            download={file.fileName}
          >
            {t('contactMail.attachments.download', { name: file.fileName, size: sizeText(file.sizeBytes) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The FormData of a multipart route: the JSON `data` part and one `files` part per file. */
export function formWithFiles(data: unknown, files: File[]) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const file of files) form.append('files', file, file.name);
  return form;
}
