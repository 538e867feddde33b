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
