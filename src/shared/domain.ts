/** Domain enumerations shared by the database schema, the API contract and the web app. */

export const valueKeys = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'] as const;
export type ValueKey = (typeof valueKeys)[number];

export const recognitionVisibilities = ['private', 'manager', 'team'] as const;
export const recognitionKinds = ['appreciation', 'feedback'] as const;
export const recognitionEmailModes = ['immediate', 'weekly', 'off'] as const;

export const storyStatuses = ['pending', 'approved', 'rejected'] as const;
export const storyReactions = ['heart', 'applause', 'inspired', 'thanks'] as const;
/** Photos one story may carry. */
export const MAX_STORY_IMAGES = 4;

/** The three levels of the learning programme: knows, explains, applies the values. */
export const learningLevels = ['knows', 'explains', 'applies'] as const;
export type LearningLevel = (typeof learningLevels)[number];
export const orgUnitKinds = ['policy_domain', 'entity', 'division', 'team'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const frameworkStatuses = ['draft', 'published', 'superseded'] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const surveyItemKinds = ['agree5', 'scale10', 'single', 'multi', 'text'] as const;
export type SurveyItemKind = (typeof surveyItemKinds)[number];
export const surveyActionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type SurveyActionStatus = (typeof surveyActionStatuses)[number];
/** Entities' support offer (AgO): what kind of help an item is, and where a request stands. */
export const supportFormats = ['workshop', 'coaching', 'toolkit', 'art_project', 'speaker', 'other'] as const;
export const supportRequestStatuses = [
  'requested',
  'accepted',
  'declined',
  'planned',
  'delivered',
  'evaluated',
] as const;
/** Political backing: who endorsed or committed to the values. */
export const endorserKinds = ['minister', 'cabinet', 'policy_maker', 'other'] as const;
/** The IAVA organisation model (Audit Vlaanderen) the values are placed in, plus steering. */
export const iavaDimensions = [
  'strategie',
  'leiderschap',
  'mensen',
  'structuren',
  'middelen',
  'sturing',
] as const;
export type IavaDimension = (typeof iavaDimensions)[number];
/** The programme's four strategies an initiative serves. */
export const programmeStrategies = ['informeren', 'experimenteren', 'doen', 'monitoren'] as const;
export type ProgrammeStrategy = (typeof programmeStrategies)[number];
export const initiativeStatuses = ['idee', 'gepland', 'lopend', 'afgerond', 'stopgezet'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];
/** How a value weighed in a decision recorded against the touchstone. */
export const decisionWeighings = ['supports', 'tension', 'not_relevant'] as const;
export type DecisionWeighing = (typeof decisionWeighings)[number];
/** Who besides the author may read a decision record. */
export const decisionSharings = ['private', 'unit', 'entity'] as const;
export type DecisionSharing = (typeof decisionSharings)[number];
/** The groups a leader's 360° raters are invited in. */
export const raterGroups = ['manager', 'peer', 'report', 'other'] as const;
export type RaterGroup = (typeof raterGroups)[number];
