/** The survey module's background jobs: invitation and reminder mail, their fan-out, closing due waves. */
import { z } from 'zod';
import { jobType } from '../../jobs/job-queue';

const mailKind = z.enum(['invite', 'remind']);
/** One invitation or reminder mail; the link is rebuilt from the token key at send time, never stored. */
export const surveyMailJob = jobType(
  'survey_mail',
  z.object({ invitationId: z.number().int(), kind: mailKind }),
);
/** A wave's invitations or reminders, fanned out into one mail job each. */
export const surveyFanoutJob = jobType(
  'survey_fanout',
  z.object({ waveId: z.number().int(), kind: mailKind }),
);
/** Closes the waves whose last day has passed. */
export const surveyCloseJob = jobType('survey_close', z.object({ waveId: z.number().int() }));
