/**
 * The home page: for each role the caller holds, a few cards of what waits for them, each with a link. The
 * figures come from the modules' own services (their policies apply), and are counts of the reader's own
 * items or of work waiting for them, never figures about other people's answers: those stay on the pages
 * the cards link to, behind the disclosure planner.
 */
import type { HomeCard, HomeSection } from '../../../shared/api/home';
import type { Role } from '../../../shared/roles';
import { paths } from '../../../shared/web-paths';
import type { Principal } from '../../http/access';
import type { Actor } from '../../http/actor';
import type { ModuleDeps } from '../../platform/module';
import * as content from '../content/content.service';
import * as profiles from '../entities/profile/profile.service';
import * as supportService from '../entities/support/support.service';
import * as learning from '../learning/learning.service';
import { getUnitDetail } from '../org/org.service';
import { listRosterImports } from '../org/roster-import.service';
import * as recognition from '../recognition/recognition.service';
import * as stories from '../stories/stories.service';
import { mySurveys } from '../survey/participation.service';
import * as results from '../survey/results/results.service';
import { listWaves } from '../survey/waves.service';

type Deps = Pick<ModuleDeps, 'db' | 'config'>;

/** Appreciation counts as new for this many days. */
export const NEW_APPRECIATION_DAYS = 30;
/** An open wave closing within this many days is shown to the programme admin. */
export const WAVE_ENDING_DAYS = 7;

const card = (
  key: HomeCard['key'],
  href: string,
  more: Partial<Omit<HomeCard, 'key' | 'href'>> = {},
): HomeCard => ({
  key,
  href,
  count: null,
  label: null,
  date: null,
  status: null,
  attention: false,
  ...more,
});

const name = (principal: Principal, nl: string, en: string | null | undefined) =>
  principal.locale === 'en' && en ? en : nl;

const entityHref = (entityId: number) => paths.entityProfilePublic.replace(':entityId', String(entityId));
const waveHref = (waveId: number) => `${paths.surveyResults}/${waveId}`;

/** The order in which sections appear: the own work first, then what one does for others. */
const sectionOrder: Role[] = [
  'employee',
  'manager',
  'entity_coordinator',
  'top_executive',
  'programme_admin',
  'contact_agent',
  'contact_supervisor',
];

export async function home(deps: Deps, actor: Actor, now = new Date()): Promise<{ sections: HomeSection[] }> {
  const sections: HomeSection[] = [];
  for (const role of sectionOrder) {
    if (!actor.principal.roles.includes(role)) continue;
    const cards = await cardsFor(deps, actor, role, now);
    if (cards.length) sections.push({ role, cards });
  }
  return { sections };
}

function cardsFor(deps: Deps, actor: Actor, role: Role, now: Date): Promise<HomeCard[]> {
  switch (role) {
    case 'employee':
      return employeeCards(deps, actor, now);
    case 'manager':
      return managerCards(deps, actor);
    case 'entity_coordinator':
      return coordinatorCards(deps, actor);
    case 'top_executive':
      return executiveCards(deps, actor);
    case 'programme_admin':
      return adminCards(deps, actor, now);
    case 'contact_agent':
      return Promise.resolve([
        card('contactConsole', paths.contactConsole),
        card('contactTickets', paths.contactTickets),
      ]);
    case 'contact_supervisor':
      return Promise.resolve([
        card('contactBoard', paths.contactSupervisor),
        card('contactTickets', paths.contactTickets),
      ]);
  }
}

async function employeeCards(deps: Deps, actor: Actor, now: Date): Promise<HomeCard[]> {
  const { principal } = actor;
  const cards: HomeCard[] = [];
  // Only the own invitations, listed as the survey page lists them; the personal answering link stays there.
  const surveys = await mySurveys(deps, principal.personId);
  for (const survey of surveys.items)
    cards.push(
      card('openSurvey', paths.mySurveys, {
        label: name(principal, survey.titleNl, survey.titleEn),
        date: survey.closesOn,
        attention: true,
      }),
    );
  if (surveys.items.length === 0) cards.push(card('noOpenSurvey', paths.mySurveys));

  const progress = await learning.progress(deps.db, principal, now);
  if (progress.dueNow > 0)
    cards.push(card('learningDue', paths.learningPractice, { count: progress.dueNow, attention: true }));
  cards.push(
    card('learningProgress', paths.learningProgress, {
      count: progress.values.filter((value) => value.completedAt !== null).length,
    }),
  );

  if (principal.personId !== null) {
    const since = now.getTime() - NEW_APPRECIATION_DAYS * 86_400_000;
    const received = await recognition.list(deps.db, actor, 'received', 1);
    const fresh = received.items.filter((item) => Date.parse(item.createdAt) >= since).length;
    cards.push(card('appreciationReceived', paths.recognition, { count: fresh, attention: fresh > 0 }));
    const mine = await stories.mine(deps.db, actor);
    cards.push(card('myStories', paths.galleryMine, { count: mine.total }));
  }
  return cards;
}

async function managerCards(deps: Deps, actor: Actor): Promise<HomeCard[]> {
  const latest = await latestVisibleWave(deps, actor.principal);
  return [
    card('teamResults', latest ? waveHref(latest.id) : paths.surveyResults, {
      label: latest ? name(actor.principal, latest.titleNl, latest.titleEn) : null,
    }),
    card('teamActions', latest ? waveHref(latest.id) : paths.surveyResults),
    card('teamLearning', paths.learningInsights),
    card('teamAppreciation', paths.recognitionOverview),
  ];
}

async function latestVisibleWave(deps: Deps, principal: Principal) {
  const waves = await results.listWaves(deps.db, principal);
  return waves.find((wave) => wave.status === 'closed') ?? waves[0] ?? null;
}

async function coordinatorCards(deps: Deps, actor: Actor): Promise<HomeCard[]> {
  const cards: HomeCard[] = [];
  const pending = await stories.moderationQueue(deps.db, actor, 'pending');
  cards.push(
    card('storiesAwaiting', paths.moderation, { count: pending.total, attention: pending.total > 0 }),
  );
  const reported = await recognition.moderationQueue(deps.db, actor);
  if (reported.items.length)
    cards.push(
      card('appreciationReported', paths.moderation, { count: reported.items.length, attention: true }),
    );
  const coordinated = new Set(actor.principal.coordinatorOf);
  const entities = (await profiles.list(deps.db, actor)).items.filter((e) => coordinated.has(e.entityId));
  for (const entity of entities)
    cards.push(
      card('entityProfile', paths.entityProfileEditor, {
        label: name(actor.principal, entity.nameNl, entity.nameEn),
        status: entity.published ? 'published' : entity.hasStory ? 'draft' : 'none',
        attention: !entity.published,
      }),
    );
  return cards;
}

async function executiveCards(deps: Deps, actor: Actor): Promise<HomeCard[]> {
  const { principal } = actor;
  const latest = await latestVisibleWave(deps, principal);
  const cards: HomeCard[] = [];
  for (const entityId of principal.executiveOf) {
    const entity = await getUnitDetail(deps.db, entityId);
    const label = name(principal, entity.nameNl, entity.nameEn);
    cards.push(
      card('entityResults', latest ? waveHref(latest.id) : paths.surveyResults, { label }),
      card('entityActionPlan', paths.actionPlanRollup, { label }),
      card('entityProfilePage', entityHref(entityId), { label }),
    );
  }
  return cards;
}

async function adminCards(deps: Deps, actor: Actor, now: Date): Promise<HomeCard[]> {
  const { principal } = actor;
  const cards: HomeCard[] = [];
  const [lastImport] = await listRosterImports(deps.db, principal);
  if (lastImport)
    cards.push(
      card('rosterImport', paths.adminRoster, {
        label: lastImport.fileName,
        date: lastImport.startedAt,
        status: lastImport.dryRun ? 'dry_run' : lastImport.errorCount > 0 ? 'withErrors' : 'completed',
        attention: !lastImport.dryRun && lastImport.errorCount > 0,
      }),
    );
  const waves = (await listWaves(deps.db)).items.filter((wave) => wave.status === 'open');
  cards.push(card('wavesRunning', paths.adminSurvey, { count: waves.length }));
  const soon = new Date(now.getTime() + WAVE_ENDING_DAYS * 86_400_000).toISOString().slice(0, 10);
  for (const wave of waves.filter((w) => w.closesOn <= soon))
    cards.push(
      card('waveEnding', `${paths.adminSurvey}/${wave.id}`, {
        label: name(principal, wave.titleNl, wave.titleEn),
        date: wave.closesOn,
        attention: true,
      }),
    );
  const requested = await supportService.listRequests(deps.db, actor, { status: 'requested' });
  cards.push(
    card('supportRequests', paths.adminSupport, {
      count: requested.items.length,
      attention: requested.items.length > 0,
    }),
  );
  const pending = await stories.moderationQueue(deps.db, actor, 'pending');
  if (!principal.roles.includes('entity_coordinator'))
    cards.push(
      card('storiesAwaiting', paths.moderation, { count: pending.total, attention: pending.total > 0 }),
    );
  const feedback = await content.feedbackSummary(deps.db, principal);
  const comments = feedback.reduce((n, page) => n + page.comments.length, 0);
  cards.push(card('pageFeedback', paths.adminFeedback, { count: comments }));
  return cards;
}
