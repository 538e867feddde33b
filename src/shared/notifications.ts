/** The kinds of in-app notification; each has its text under `notifications.kinds.<kind>` in the catalogues. */
export const notificationKinds = [
  'appreciation_received',
  'story_awaiting_moderation',
  'survey_open',
  'support_request_status',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
