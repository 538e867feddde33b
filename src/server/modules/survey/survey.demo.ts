import { eq, isNull } from 'drizzle-orm';
import pino from 'pino';
import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import { accounts, orgUnits, people, surveyWaves } from '../../db/schema';
import { InProcessEventBus } from '../../events/event-bus';
import { JobQueue } from '../../jobs/job-queue';
import { addDays } from './survey.dates';
import * as repo from './survey.repo';
import { STANDARD_KEY, standardDemographics } from './survey.standard';
import { generateSyntheticResponses } from './survey.synthetic';
import { closeWave } from './wave-close.service';
import { launchWave } from './wave-launch.service';

/** The demo's survey waves are recognised by these titles (idempotent seeding). */
export const DEMO_WAVES = {
  previous: 'Personeelspeiling 2022',
  latest: 'Personeelspeiling 2024',
  open: 'Pulspeiling waarden',
};

/**
 * Demo data: two closed waves of the standard module over the whole demo government, filled with
 * synthetic responses (the later one slightly better, for the trend), and one open wave for the demo
 * employee's division, whose invitations (with the demo employee's link) land in the dev mailbox once
 * the job queue runs.
 */
export async function seedDemoSurvey(db: Db, demoEmployeeEmail: string, appSecret: string) {
  // Seeding may run without a started job queue: an idle queue only writes the jobs, for workers to run later.
  const jobs = new JobQueue(db, new InProcessEventBus(), pino({ level: 'silent' }));
  const deps = { db, jobs, config: { appSecret } };
  const existing = await db.select({ titleNl: surveyWaves.titleNl }).from(surveyWaves);
  const titles = new Set(existing.map((wave) => wave.titleNl));
  const standard = await repo.findStandardQuestionnaire(db, STANDARD_KEY);
  if (!standard) return;
  const roots = await db.select({ id: orgUnits.id }).from(orgUnits).where(isNull(orgUnits.parentId));
  if (roots.length === 0) return;

  const closedWave = async (title: string, year: number, previousWaveId: number | null, shift: number) => {
    const opensOn = `${year}-03-01`;
    const closesOn = `${year}-03-31`;
    const wave = await repo.insertWave(db, {
      questionnaireId: standard.id,
      titleNl: title,
      titleEn: title.replace('Personeelspeiling', 'Staff survey'),
      opensOn,
      closesOn,
      previousWaveId,
    });
    await repo.replaceTargets(
      db,
      wave.id,
      roots.map((root) => root.id),
    );
    await repo.replaceDemographics(db, wave.id, standardDemographics);
    await launchWave(deps, null, wave.id, { sendMail: false, today: opensOn });
    await generateSyntheticResponses(db, wave.id, {
      rate: year === 2022 ? 0.62 : 0.71,
      seed: year,
      shift,
      today: closesOn,
    });
    await closeWave(deps, null, wave.id, { warm: false });
    return wave.id;
  };

  let previousId = (
    await db.select().from(surveyWaves).where(eq(surveyWaves.titleNl, DEMO_WAVES.previous))
  )[0]?.id;
  if (!titles.has(DEMO_WAVES.previous)) previousId = await closedWave(DEMO_WAVES.previous, 2022, null, 0);
  if (!titles.has(DEMO_WAVES.latest)) await closedWave(DEMO_WAVES.latest, 2024, previousId ?? null, 0.15);

  if (!titles.has(DEMO_WAVES.open)) {
    const [employee] = await db
      .select({ unitId: people.unitId, personId: people.id })
      .from(accounts)
      .innerJoin(people, eq(people.id, accounts.personId))
      .where(eq(accounts.email, demoEmployeeEmail));
    if (!employee?.unitId) return;
    const [team] = await db.select().from(orgUnits).where(eq(orgUnits.id, employee.unitId));
    const target = team?.parentId ?? employee.unitId;
    const today = brusselsDay();
    const wave = await repo.insertWave(db, {
      questionnaireId: standard.id,
      titleNl: DEMO_WAVES.open,
      titleEn: 'Values pulse survey',
      opensOn: today,
      closesOn: addDays(today, 21),
    });
    await repo.replaceTargets(db, wave.id, [target]);
    await launchWave(deps, null, wave.id, { sendMail: true, today });
    // A few colleagues have answered already, so participation has something to show.
    await generateSyntheticResponses(db, wave.id, {
      rate: 0.4,
      seed: 99,
      today,
      comments: false,
      excludePersonIds: [employee.personId],
    });
  }
}
