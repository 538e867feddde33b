/** URLs are Dutch, as the site's visitors read them. */
export const paths = {
  home: '/',
  values: '/waarden',
  search: '/zoeken',
  accessibility: '/toegankelijkheid',
  privacy: '/privacy',
  about: '/over',
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
  adminLearning: '/beheer/leren',
  adminSurvey: '/beheer/peilingen',
  surveyAnswer: '/peiling/:token',
  mySurveys: '/mijn/peilingen',
  recognition: '/waardering',
  recognitionOverview: '/waardering/overzicht',
  gallery: '/galerij',
  gallerySubmit: '/galerij/nieuw',
  galleryMine: '/galerij/mijn',
  moderation: '/beheer/moderatie',
  stories: '/verhalen',
  surveyResults: '/peilingen/resultaten',
  surveyParticipation: '/peilingen/deelname',
  contactConsole: '/1700',
  contactSupervisor: '/1700/toezicht',
  contactHours: '/1700/toezicht/openingsuren',
  contactCanned: '/1700/toezicht/standaardantwoorden',
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
} as const;

/** Content pages with their own route; any other slug lives under /pagina/:slug. */
const pageRoutes: Record<string, string> = {
  waarden: paths.values,
  toegankelijkheid: paths.accessibility,
  privacy: paths.privacy,
  over: paths.about,
};

export function pageHref(slug: string): string {
  return pageRoutes[slug] ?? `/pagina/${encodeURIComponent(slug)}`;
}

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeReturnTo(value: string | null | undefined, fallback: string = paths.myHome): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/api/') || value.startsWith(paths.signIn)) return fallback;
  return value;
}
