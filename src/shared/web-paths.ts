/**
 * The web app's URLs, shared by the browser router and the server: the server answers an unknown URL with
 * 404 (still the app shell, so the router shows its not-found page), writes robots.txt and the sitemap,
 * and fills each public page's head tags from this one table.
 */

/** URLs are Dutch, as the site's visitors read them. */
export const paths = {
  home: '/',
  values: '/waarden',
  valuesHistory: '/waarden/versies',
  valuesVersion: '/waarden/versies/:version',
  valuesCompare: '/waarden/vergelijken',
  search: '/zoeken',
  accessibility: '/toegankelijkheid',
  privacy: '/privacy',
  about: '/over',
  contentPage: '/pagina/:slug',
  signIn: '/aanmelden',
  myHome: '/mijn',
  myEntity: '/mijn/entiteit',
  admin: '/beheer',
  adminOrg: '/beheer/organisatie',
  adminRoster: '/beheer/personeelsbestand',
  adminValues: '/beheer/waarden',
  adminContent: '/beheer/inhoud',
  adminFeedback: '/beheer/feedback',
  adminAccounts: '/beheer/accounts',
  adminAudit: '/beheer/audit',
  adminMailbox: '/beheer/mailbox',
  adminBackups: '/beheer/backups',
  learning: '/leren',
  learningPractice: '/leren/oefenen',
  learningProgress: '/leren/voortgang',
  learningInsights: '/leren/overzicht',
  learningModule: '/leren/:value',
  adminLearning: '/beheer/leren',
  adminSurvey: '/beheer/peilingen',
  adminSurveyQuestionnaire: '/beheer/peilingen/vragenlijsten/:id',
  adminSurveyPreview: '/beheer/peilingen/vragenlijsten/:id/voorbeeld',
  adminSurveyWave: '/beheer/peilingen/:id',
  surveyAnswer: '/peiling/:token',
  mySurveys: '/mijn/peilingen',
  notifications: '/mijn/meldingen',
  recognition: '/waardering',
  recognitionOverview: '/waardering/overzicht',
  gallery: '/galerij',
  gallerySubmit: '/galerij/nieuw',
  galleryMine: '/galerij/mijn',
  moderation: '/beheer/moderatie',
  stories: '/verhalen',
  surveyResults: '/peilingen/resultaten',
  surveyWaveResults: '/peilingen/resultaten/:waveId',
  surveyParticipation: '/peilingen/deelname',
  surveyWaveParticipation: '/peilingen/deelname/:waveId',
  contactConsole: '/1700',
  contactTickets: '/1700/e-mails',
  contactTicket: '/1700/e-mails/:id',
  contactSupervisor: '/1700/toezicht',
  contactHours: '/1700/toezicht/openingsuren',
  contactCanned: '/1700/toezicht/standaardantwoorden',
  contactAgentStats: '/1700/toezicht/medewerkers',
  contactMyStats: '/1700/mijn-cijfers',
  contactFeedback: '/contact/beoordeling/:token',
  adminContactFeedback: '/beheer/contactfeedback',
  entityProfileEditor: '/mijn/entiteit/profiel',
  entityProfilePublic: '/entiteiten/:entityId',
  mySupport: '/mijn/ondersteuning',
  adminSupport: '/beheer/ondersteuning',
  adminEndorsements: '/beheer/engagementen',
  endorsements: '/engagementen',
  actionPlan: '/actieplan',
  actionPlanRollup: '/actieplan/entiteit',
  actionPlanCoverage: '/actieplan/dekking',
  actionPlanProjects: '/actieplan/projecten',
  touchstone: '/toetssteen',
  touchstoneDecision: '/toetssteen/beslissing/:id',
  touchstoneIndicator: '/toetssteen/indicator',
  feedback360: '/360',
  feedback360Round: '/360/ronde/:id',
  feedback360Entity: '/360/entiteit',
  feedback360Answer: '/360/:token',
  adminMonitorInstruments: '/beheer/monitor/instrumenten',
  adminMonitorReports: '/beheer/monitor/rapporten',
  openData: '/open-data',
  monitor: '/monitor',
  monitorTargets: '/monitor/streefwaarden',
  monitorCatalogue: '/monitor/indicatoren',
} as const;

export type WebPathName = keyof typeof paths;

/** Content pages with their own route; any other slug lives under /pagina/:slug. */
export const pageRoutes: Record<string, string> = {
  waarden: paths.values,
  toegankelijkheid: paths.accessibility,
  privacy: paths.privacy,
  over: paths.about,
};

export function pageHref(slug: string): string {
  return pageRoutes[slug] ?? `/pagina/${encodeURIComponent(slug)}`;
}

/**
 * Who a page is for. `public`: citizens, indexed by search engines and listed in the sitemap when it has
 * no parameters. `personal`: anyone may open it, but it is a personal link or a form (a survey token, the
 * sign-in page) that no search engine should keep. Every other page is for signed-in staff.
 */
export type Audience = 'public' | 'personal' | 'staff';

const audiences: Partial<Record<WebPathName, Audience>> = {
  home: 'public',
  values: 'public',
  valuesHistory: 'public',
  valuesVersion: 'public',
  valuesCompare: 'public',
  search: 'public',
  accessibility: 'public',
  privacy: 'public',
  about: 'public',
  contentPage: 'public',
  stories: 'public',
  endorsements: 'public',
  openData: 'public',
  entityProfilePublic: 'public',
  signIn: 'personal',
  surveyAnswer: 'personal',
  feedback360Answer: 'personal',
  contactFeedback: 'personal',
};

export const audienceOf = (name: WebPathName): Audience => audiences[name] ?? 'staff';

/** The public pages without parameters, in the order the sitemap lists them. */
export const listedPublicPages: WebPathName[] = (Object.keys(paths) as WebPathName[]).filter(
  (name) => audienceOf(name) === 'public' && !paths[name].includes(':'),
);

export type WebRouteMatch = { name: WebPathName; params: Record<string, string> };

const compiled = (Object.entries(paths) as [WebPathName, string][]).map(([name, pattern]) => ({
  name,
  segments: pattern.split('/').filter(Boolean),
}));

/**
 * The route a path belongs to, as the browser router would pick it: a static segment wins over a
 * parameter (`/leren/oefenen` is not the module `oefenen`). Parameters are decoded; a path that does not
 * decode is no page of ours.
 */
export function matchWebPath(pathname: string): WebRouteMatch | null {
  const segments = pathname.split('/').filter(Boolean);
  let best: { match: WebRouteMatch; score: number } | null = null;
  for (const route of compiled) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (const [index, part] of route.segments.entries()) {
      const actual = segments[index]!;
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(actual);
        } catch {
          ok = false;
          break;
        }
      } else if (part === actual) score += 1;
      else {
        ok = false;
        break;
      }
    }
    if (ok && (!best || score > best.score)) best = { match: { name: route.name, params }, score };
  }
  return best?.match ?? null;
}
