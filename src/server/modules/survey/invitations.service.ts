/** Invitation and reminder mail: the reminder request, the fan-out into one mail job each, the mail itself. */
import { paths } from '../../../shared/web-paths';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { translator } from '../../http/i18n';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { notify } from '../../platform/notifications';
import { appSecretOf } from '../../secret';
import { conflict } from './survey.errors';
import { surveyFanoutJob, surveyMailJob } from './survey.jobs';
import * as policy from './survey.policy';
import * as repo from './survey.repo';
import { tokenFor, waveKeys } from './survey.tokens';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'mailer' | 'events'>;

/**
 * Reminds everyone who has not answered yet; at most once an hour. The request only queues the
 * fan-out (a wave of 50,000 gets its mails from the job queue, not from this request).
 */
export async function remind(deps: Deps, actor: Actor, id: number) {
  return deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    const stats = await repo.reminderStats(tx, id);
    policy.assertMayRemind(wave, stats.lastSentAt);
    const hour = new Date().toISOString().slice(0, 13);
    const job = await deps.jobs.enqueue(
      surveyFanoutJob,
      { waveId: id, kind: 'remind' },
      { dedupeKey: `survey-fanout-${id}-remind-${hour}` },
      tx,
    );
    if (job === null) throw conflict('survey.errors.remindedRecently');
    const queued = await repo.countUnanswered(tx, id);
    await audit(tx, actor.principal, 'survey.wave.remind', { type: 'survey_wave', id }, { queued }, actor.ip);
    return { queued };
  });
}

async function remindUnanswered(deps: Pick<Deps, 'jobs'>, db: Db, waveId: number) {
  const reminded = await repo.markUnansweredReminded(db, waveId);
  await deps.jobs.enqueueMany(
    surveyMailJob,
    reminded.map((row) => ({
      payload: { invitationId: row.id, kind: 'remind' as const },
      options: { dedupeKey: `survey-mail-${row.id}-remind-${row.reminder_count}` },
    })),
    db,
  );
  return reminded.length;
}

/** Fan-out job: one mail job per invitation (invite) or per unanswered invitation (remind). */
export async function runFanout(deps: Deps, payload: { waveId: number; kind: 'invite' | 'remind' }) {
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, payload.waveId);
    if (wave?.status !== 'open') return;
    if (payload.kind === 'remind') {
      await remindUnanswered(deps, tx, wave.id);
      return;
    }
    const ids = await repo.invitationIds(tx, wave.id);
    await deps.jobs.enqueueMany(
      surveyMailJob,
      ids.map((invitationId) => ({
        payload: { invitationId, kind: 'invite' as const },
        options: { dedupeKey: `survey-mail-${invitationId}-invite` },
      })),
      tx,
    );
    await repo.markInvited(tx, wave.id);
    // Told in the app as well, with a link to the own survey list, never the personal answering link: the
    // notification is stored, the token must not be.
    await notify(
      deps,
      tx,
      { personIds: await repo.invitedPeople(tx, wave.id) },
      {
        kind: 'survey_open',
        params: { titleNl: wave.titleNl, titleEn: wave.titleEn },
        link: paths.mySurveys,
      },
    );
  });
}

export const answerUrl = (config: Deps['config'], token: string) =>
  `${config.publicUrl.replace(/\/$/, '')}/peiling/${token}`;

/** Sends one invitation or reminder; skipped when the wave is no longer open or (reminder) already answered. */
export async function sendInvitationMail(
  deps: Deps,
  payload: { invitationId: number; kind: 'invite' | 'remind' },
) {
  const row = await repo.invitationForMail(deps.db, payload.invitationId);
  const personId = row?.invitation.personId;
  if (!row?.email || !personId) return;
  const { invitation, wave } = row;
  if (wave.status !== 'open' || !wave.tokenKey) return;
  if (payload.kind === 'remind' && invitation.answered) return;
  const token = tokenFor(
    waveKeys(appSecretOf(deps.config), wave.tokenKey, wave.id).tokenKey,
    wave.id,
    personId,
  );
  const t = translator(invitation.language);
  const title = (invitation.language === 'en' && wave.titleEn) || wave.titleNl;
  const host = new URL(deps.config.publicUrl).hostname;
  await deps.mailer.send({
    to: [row.email],
    subject: t(payload.kind === 'invite' ? 'survey.mail.inviteSubject' : 'survey.mail.remindSubject', {
      title,
    }),
    text: t(payload.kind === 'invite' ? 'survey.mail.inviteBody' : 'survey.mail.remindBody', {
      name: row.firstName ?? '',
      title,
      link: answerUrl(deps.config, token),
      closesOn: wave.closesOn,
    }),
    messageId: `<survey-${payload.kind}-${invitation.id}-${invitation.reminderCount}@${host}>`,
  });
}
