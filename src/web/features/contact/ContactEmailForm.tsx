import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_TOPICS,
  type contactMailApi,
  formatReplyBy,
  MAX_NAME,
  MAX_QUESTION,
} from '../../../shared/api/contact-mail';
import type { RouteInput } from '../../../shared/api/contract';
import { ApiError, api } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { AttachmentPicker, fileError, formWithFiles } from './Attachments';
import './contact.css';

type Payload = RouteInput<typeof contactMailApi.routes.submit>['body'];

/**
 * "Stuur een e-mail naar 1700": a disclosure that opens a short form. The server stores the question, mails it
 * to 1700 and sends the citizen a copy; the confirmation is announced through a polite status region.
 */
export function ContactEmailForm({
  open: openProp,
  onOpenChange,
}: {
  /** Controlled by the contact slot, so the chat can offer the e-mail form when it cannot help. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
} = {}) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const consentErrorId = useId();
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (value: boolean) => {
    setOpenState(value);
    onOpenChange?.(value);
  };
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [topic, setTopic] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sentTo, setSentTo] = useState('');
  const send = useMutation({
    // With files the same fields go as the `data` part of a multipart body, each file scanned by the server.
    mutationFn: (body: Payload) =>
      files.length > 0
        ? api.contactMail.submitWithFiles({ body: formWithFiles(body, files) })
        : api.contactMail.submit({ body }),
  });
  const fieldErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const filesError = fileError(fieldErrors);
  // The form goes once it is sent: the focus moves to the confirmation instead of falling to the page.
  const thanksRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (send.isSuccess) thanksRef.current?.focus();
  }, [send.isSuccess]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(email.trim());
    send.mutate({
      ...(name.trim() ? { name: name.trim() } : {}),
      email: email.trim(),
      // Sent as they stand, even unchosen or unticked: the server judges them and names the field in its language.
      topic: (topic ?? '') as Payload['topic'],
      question,
      consent: consent as Payload['consent'],
      locale: i18n.language === 'en' ? 'en' : 'nl',
      website,
    });
  };

  const reset = () => {
    setQuestion('');
    setTopic(null);
    setConsent(false);
    setFiles([]);
    send.reset();
    setOpen(true);
  };

  return (
    <div className="contact-mail">
      {/* Always in the page so the confirmation is announced when it appears. */}
      <div role="status" className="contact-mail__status">
        {send.isSuccess ? (
          <p className="contact-mail__thanks" ref={thanksRef} tabIndex={-1}>
            {t(send.data.confirmationSent ? 'contactMail.form.sent' : 'contactMail.form.sentNoConfirmation', {
              reference: send.data.reference,
              email: sentTo,
            })}
            {send.data.expectedReply
              ? ` ${t(
                  'contactMail.form.expected',
                  formatReplyBy(
                    i18n.language === 'en' ? 'en' : 'nl',
                    send.data.expectedReply.at,
                    send.data.expectedReply.timeZone,
                  ),
                )}`
              : null}
          </p>
        ) : null}
      </div>
      {send.isSuccess ? (
        <Button variant="secondary" onPress={reset}>
          {t('contactMail.form.another')}
        </Button>
      ) : (
        <>
          <Button
            variant={open ? 'secondary' : 'primary'}
            aria-expanded={open}
            aria-controls={formId}
            onPress={() => setOpen(!open)}
          >
            {t('contactMail.form.open')}
          </Button>
          <div id={formId} hidden={!open}>
            {open ? (
              <Form
                onSubmit={submit}
                validationErrors={fieldErrors}
                validationBehavior="aria"
                className="contact-mail__form"
                aria-label={t('contactMail.form.title')}
              >
                <p className="contact-mail__intro">{t('contactMail.form.intro')}</p>
                <TextField
                  label={t('contactMail.form.name')}
                  name="name"
                  autoComplete="name"
                  maxLength={MAX_NAME}
                  value={name}
                  onChange={setName}
                />
                <TextField
                  label={t('contactMail.form.email')}
                  description={t('contactMail.form.emailHint')}
                  name="email"
                  type="email"
                  autoComplete="email"
                  isRequired
                  value={email}
                  onChange={setEmail}
                />
                <Select
                  label={t('contactMail.form.topic')}
                  name="topic"
                  isRequired
                  options={CONTACT_TOPICS.map((key) => ({ id: key, label: t(`contactMail.topics.${key}`) }))}
                  selectedKey={topic}
                  onSelectionChange={(key) => setTopic(key === null ? null : String(key))}
                  errorMessage={fieldErrors.topic}
                />
                <TextField
                  label={t('contactMail.form.question')}
                  description={t('contactMail.form.questionHint', { max: MAX_QUESTION })}
                  name="question"
                  multiline
                  rows={5}
                  isRequired
                  maxLength={MAX_QUESTION}
                  value={question}
                  onChange={setQuestion}
                />
                <AttachmentPicker files={files} onChange={setFiles} error={filesError} />
                <div className="contact-mail__consent">
                  <Checkbox
                    name="consent"
                    isSelected={consent}
                    onChange={setConsent}
                    isInvalid={!!fieldErrors.consent}
                    aria-describedby={fieldErrors.consent ? consentErrorId : undefined}
                  >
                    {t('contactMail.form.consent')}
                  </Checkbox>
                  {fieldErrors.consent ? (
                    <p id={consentErrorId} className="field__error">
                      {fieldErrors.consent}
                    </p>
                  ) : null}
                </div>
                {/* Honeypot: people never see or reach this field; the server ignores what bots put in it. */}
                <div className="honeypot" aria-hidden="true">
                  <label>
                    {t('contactMail.form.website')}
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
                {send.error && !filesError ? (
                  <Alert tone="error">{(send.error as Error).message}</Alert>
                ) : null}
                <Button type="submit" isPending={send.isPending}>
                  {t('contactMail.form.send')}
                </Button>
              </Form>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
