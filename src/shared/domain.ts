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
  'withdrawn',
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

/**
 * Every action the server writes to the audit log. The admin's audit page offers them as a filter and shows
 * each with its label from the catalogues (auth.auditActions); a test keeps this list in step with the code.
 */
export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_refused',
  'account.roles_changed',
  'account.disabled',
  'account.enabled',
  'account.oidc_link_confirmed',
  'account.oidc_link_refused',
  'org.unit.create',
  'org.unit.update',
  'org.unit.move',
  'org.unit.delete',
  'org.roster_import',
  'values.draft.create',
  'values.draft.update',
  'values.draft.delete',
  'values.publish',
  'values.entity.update',
  'content.page.create',
  'content.page.update',
  'stories.story.approve',
  'stories.story.reject',
  'stories.story.delete',
  'recognition.message.hide',
  'recognition.message.keep',
  'learning.module.create',
  'learning.module.update',
  'learning.image.upload',
  'survey.questionnaire.create',
  'survey.questionnaire.update',
  'survey.questionnaire.archive',
  'survey.questionnaire.include',
  'survey.questionnaire.reorder',
  'survey.section.create',
  'survey.section.update',
  'survey.section.delete',
  'survey.item.create',
  'survey.item.update',
  'survey.item.delete',
  'survey.wave.create',
  'survey.wave.update',
  'survey.wave.delete',
  'survey.wave.launch',
  'survey.wave.remind',
  'survey.wave.close',
  'survey.action.create',
  'survey.action.update',
  'survey.action.delete',
  'contact.queue.target',
  'contact.reply_target.update',
  'contact.ticket.reply',
  'contact.ticket.update',
  'contact.ticket.held_accept',
  'contact.ticket.held_discard',
  'contact.citizen.erase',
  'contact.chat.queue.settings',
  'contact.chat.erase',
  'contact.chat.agent_queues',
  'contact.chat.canned_answer.create',
  'contact.chat.canned_answer.update',
  'contact.chat.canned_answer.delete',
  'entities.initiative.create',
  'entities.initiative.update',
  'entities.initiative.delete',
  'entities.project.create',
  'entities.project.update',
  'entities.decision.create',
  'entities.decision.update',
  'entities.decision.share',
  'entities.decision.delete',
  'entities.profile.update',
  'entities.profile.publish',
  'entities.profile.unpublish',
  'entities.endorsement.create',
  'entities.endorsement.update',
  'entities.endorsement.delete',
  'entities.support.item.create',
  'entities.support.item.update',
  'entities.support.request.create',
  'entities.support.request.accepted',
  'entities.support.request.declined',
  'entities.support.request.planned',
  'entities.support.request.delivered',
  'entities.support.request.evaluated',
  'entities.feedback360.start',
  'entities.feedback360.remind',
  'entities.feedback360.close',
  'entities.feedback360.close_early',
  'entities.feedback360.goal',
  'entities.feedback360.cancel',
  'monitor.indicator.create',
  'monitor.indicator.public',
  'monitor.indicator.update',
  'monitor.instrument.create',
  'monitor.instrument.import',
  'monitor.instrument.update',
  'monitor.report.generate',
  'monitor.report.subscribe',
  'monitor.report.unsubscribe',
  'monitor.snapshot.replace',
  'monitor.snapshot.take',
  'monitor.target.create',
  'monitor.target.delete',
  'monitor.target.update',
] as const;
export type AuditAction = (typeof auditActions)[number];
