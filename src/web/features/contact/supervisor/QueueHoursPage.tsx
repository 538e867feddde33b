import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { queueSettingsBody, queueSettingsOut } from '../../../../shared/api/contact-chat';
import { brusselsDay } from '../../../../shared/brussels-day';
import { flemishHolidays } from '../../../../shared/flemish-holidays';
import { ApiError, api } from '../../../app/api';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { SupervisorNav } from './SupervisorNav';
import './supervisor.css';

type Range = [string, string];
export type QueueSettings = z.infer<typeof queueSettingsOut>;

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const SETTINGS_KEY = ['contact', 'queue-settings'] as const;

const rangesText = (ranges: Range[] | undefined) => (ranges ?? []).map(([a, b]) => `${a}-${b}`).join(', ');

/** "09:00-12:00, 13:00-17:00" → ranges; null when the text is not in that form (the server checks the rest). */
export function parseRanges(text: string): Range[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const ranges: Range[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})$/.exec(part);
    if (!match) return null;
    const [, h1, m1, h2, m2] = match as unknown as [string, string, string, string, string];
    ranges.push([`${h1.padStart(2, '0')}:${m1}`, `${h2.padStart(2, '0')}:${m2}`]);
  }
  return ranges;
}

export function QueueHoursPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api.contactChat.queueSettings(),
  });
  return (
    <div className="supervisor">
      <PageTitle>{t('contactSupervisor.hours.title')}</PageTitle>
      <SupervisorNav />
      <p>{t('contactSupervisor.hours.intro')}</p>
      <QueryState query={query}>
        {(queues) => (
          <>
            {queues.map((queue) => (
              <QueueHoursForm key={queue.key} queue={queue} showName={queues.length > 1} />
            ))}
          </>
        )}
      </QueryState>
    </div>
  );
}

function QueueHoursForm({ queue, showName }: { queue: QueueSettings; showName: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const headingId = useId();
  const dateErrorId = useId();
  const name = i18n.language === 'en' ? queue.nameEn : queue.nameNl;
  const [days, setDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(WEEKDAYS.map((d) => [d, rangesText(queue.days[d])])),
  );
  const [holidays, setHolidays] = useState<string[]>(queue.holidays);
  const [newDate, setNewDate] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const [closedTextNl, setClosedTextNl] = useState(queue.closedTextNl ?? '');
  const [closedTextEn, setClosedTextEn] = useState(queue.closedTextEn ?? '');
  const [dayErrors, setDayErrors] = useState<Record<string, string>>({});
  const nextYear = Number(brusselsDay(new Date()).slice(0, 4)) + 1;

  const save = useMutation({
    mutationFn: (body: z.input<typeof queueSettingsBody>) =>
      api.contactChat.updateQueueSettings({ params: { key: queue.key }, body }),
    onSuccess: (saved) => {
      // The form shows what was stored, in the stored spelling ("9:00" becomes "09:00").
      setDays(Object.fromEntries(WEEKDAYS.map((d) => [d, rangesText(saved.days[d])])));
      setHolidays(saved.holidays);
      void client.invalidateQueries({ queryKey: SETTINGS_KEY });
      void client.invalidateQueries({ queryKey: ['contact', 'chat-queues'] });
    },
  });

  const dateLabel = (date: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-BE', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));

  const addDates = (dates: string[]) => setHolidays((current) => [...new Set([...current, ...dates])].sort());

  const addDate = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) {
      setDateError(t('contactSupervisor.hours.dateInvalid'));
      return;
    }
    setDateError(undefined);
    addDates([newDate]);
    setNewDate('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed: Record<string, Range[]> = {};
    const errors: Record<string, string> = {};
    for (const day of WEEKDAYS) {
      const ranges = parseRanges(days[day] ?? '');
      if (ranges === null) errors[day] = t('contactSupervisor.hours.dayInvalid');
      else if (ranges.length > 0) parsed[day] = ranges;
    }
    setDayErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({
      days: parsed,
      holidays,
      closedTextNl: closedTextNl.trim() || null,
      closedTextEn: closedTextEn.trim() || null,
    });
  };

  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const dayServerError = (day: string) =>
    Object.entries(serverErrors).find(([path]) => path.startsWith(`days.${day}`))?.[1];

  return (
    <section className="supervisor__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{showName ? name : t('contactSupervisor.hours.weekly')}</h2>
      <form onSubmit={submit} noValidate className="hours-form">
        <fieldset className="hours-form__days">
          <legend>{t('contactSupervisor.hours.weekly')}</legend>
          <p className="field__description">{t('contactSupervisor.hours.dayHelp')}</p>
          {WEEKDAYS.map((day) => (
            <TextField
              key={day}
              label={t(`contactSupervisor.hours.days.${day}`)}
              value={days[day] ?? ''}
              onChange={(value) => setDays((current) => ({ ...current, [day]: value }))}
              errorMessage={dayErrors[day] ?? dayServerError(day)}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('contactSupervisor.hours.closures')}</legend>
          <p className="field__description">{t('contactSupervisor.hours.closuresHelp')}</p>
          {holidays.length === 0 ? (
            <p>{t('contactSupervisor.hours.noClosures')}</p>
          ) : (
            <ul className="hours-form__closures">
              {holidays.map((date) => (
                <li key={date}>
                  <time dateTime={date}>{dateLabel(date)}</time>{' '}
                  <Button
                    variant="secondary"
                    aria-label={t('contactSupervisor.hours.remove', { date: dateLabel(date) })}
                    onPress={() => setHolidays((current) => current.filter((d) => d !== date))}
                  >
                    ×
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {serverErrors.holidays || Object.keys(serverErrors).some((p) => p.startsWith('holidays.')) ? (
            <Alert tone="error">
              {serverErrors.holidays ??
                Object.entries(serverErrors).find(([p]) => p.startsWith('holidays.'))?.[1]}
            </Alert>
          ) : null}
          <div className="hours-form__add">
            <label className="field">
              <span className="field__label">{t('contactSupervisor.hours.addDate')}</span>
              <input
                type="date"
                className="field__input"
                value={newDate}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? dateErrorId : undefined}
                onChange={(event) => setNewDate(event.target.value)}
              />
              {dateError ? (
                <span id={dateErrorId} className="field__error">
                  {dateError}
                </span>
              ) : null}
            </label>
            <Button variant="secondary" onPress={addDate}>
              {t('contactSupervisor.hours.add')}
            </Button>
          </div>
          <Button variant="secondary" onPress={() => addDates(flemishHolidays(nextYear))}>
            {t('contactSupervisor.hours.addYear', { year: nextYear })}
          </Button>
        </fieldset>
        <fieldset>
          <legend>{t('contactSupervisor.hours.closedText')}</legend>
          <TextField
            label={t('contactSupervisor.hours.closedTextNl')}
            description={t('contactSupervisor.hours.closedTextHelp')}
            multiline
            rows={2}
            value={closedTextNl}
            onChange={setClosedTextNl}
            errorMessage={serverErrors.closedTextNl}
          />
          <TextField
            label={t('contactSupervisor.hours.closedTextEn')}
            multiline
            rows={2}
            value={closedTextEn}
            onChange={setClosedTextEn}
            errorMessage={serverErrors.closedTextEn}
          />
        </fieldset>
        {save.isSuccess ? (
          <Alert tone="success">{t('contactSupervisor.hours.saved', { queue: name })}</Alert>
        ) : null}
        {save.error && Object.keys(serverErrors).length === 0 ? (
          <Alert tone="error">{(save.error as Error).message}</Alert>
        ) : null}
        <Button type="submit" isDisabled={save.isPending}>
          {t('contactSupervisor.hours.save')}
        </Button>
      </form>
    </section>
  );
}
