/**
 * Who may do what with questionnaires and waves. Composing questionnaires and running waves belongs to the
 * programme admin (the routes' rule "programmeAdmin"); answering needs only the personal link, whose token
 * is the credential; "my surveys" lists the caller's own invitations. What a record's state allows on top
 * of that is decided here, so every route and job refuses the same things with the same message.
 */
import { conflict } from './survey.errors';

type Questionnaire = { standardKey: string | null };
type Wave = { status: string };

/** Standard modules are read-only: an admin copies them or includes them in a questionnaire of their own. */
export const isEditable = (questionnaire: Questionnaire) => questionnaire.standardKey === null;

export function assertEditable(questionnaire: Questionnaire) {
  if (!isEditable(questionnaire)) throw conflict('survey.errors.standardReadOnly');
}

/** Launching and deleting a wave, and changing its snapshot (units, threshold, demographics), only before it runs. */
export function assertDraft(wave: Wave) {
  if (wave.status !== 'draft') throw conflict('survey.errors.waveLaunched');
}

/** Fields a running wave keeps: its snapshot and threshold were the terms people were invited on. */
const FROZEN_WHILE_OPEN = [
  'opensOn',
  'minGroupSize',
  'targetUnitIds',
  'demographics',
  'previousWaveId',
] as const;

/** A closed wave is final; a running one may change only its titles and its closing day. */
export function assertMayChange(
  wave: Wave,
  patch: Partial<Record<(typeof FROZEN_WHILE_OPEN)[number], unknown>>,
) {
  if (wave.status === 'closed') throw conflict('survey.errors.waveClosed');
  if (wave.status === 'open' && FROZEN_WHILE_OPEN.some((key) => patch[key] !== undefined))
    throw conflict('survey.errors.waveLaunched');
}

/** Only a running wave is closed (by hand or on its last day). */
export function assertClosable(wave: Wave) {
  if (wave.status !== 'open')
    throw conflict(wave.status === 'draft' ? 'survey.errors.waveNotLaunched' : 'survey.errors.waveClosed');
}

const REMIND_INTERVAL_MS = 3_600_000;

/** Reminders go to a running wave, at most once an hour, so nobody gets a stream of them. */
export function assertMayRemind(wave: Wave, lastSentAt: Date | null, now = Date.now()) {
  if (wave.status !== 'open') throw conflict('survey.errors.waveNotOpen');
  if (lastSentAt && now - lastSentAt.getTime() < REMIND_INTERVAL_MS)
    throw conflict('survey.errors.remindedRecently');
}

export type AnswerStatus = 'open' | 'answered' | 'closed' | 'not_open';

/** Whether the holder of a personal link may answer today: once, between the wave's first and last day. */
export function answerStatus(
  invitation: { answered: boolean },
  wave: { status: string; opensOn: string; closesOn: string },
  today: string,
): AnswerStatus {
  if (invitation.answered) return 'answered';
  if (wave.status !== 'open' || wave.closesOn < today) return 'closed';
  if (wave.opensOn > today) return 'not_open';
  return 'open';
}

/** The refusal of a draft or submission when the link may not answer (the status says why). */
export const answerRefusal = (status: AnswerStatus) =>
  conflict(`survey.errors.status_${status}`, 'params.token');
