/** In-app notifications: the signed-in person's own list, unread count, marking read, and a live stream. */
import { z } from 'zod';
import { notificationKinds } from '../notifications';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const notificationIdParams = z.object({ id });
export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

export const notificationOut = z.object({
  id: z.number().int(),
  kind: z.enum(notificationKinds),
  /** The text in the reader's language. */
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationOut>;

export const unreadOut = z.object({ unread: z.number().int() });

export const notificationListOut = z.object({
  items: z.array(notificationOut),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  unread: z.number().int(),
});

const streamRefusal = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const notificationsApi = defineApi('notifications', {
  list: route({
    method: 'GET',
    path: '/api/notifications',
    access: 'signedIn',
    summary: 'The own notifications, newest first, with the unread count',
    query: notificationListQuery,
    responses: { 200: notificationListOut },
  }),
  unread: route({
    method: 'GET',
    path: '/api/notifications/unread',
    access: 'signedIn',
    summary: 'How many of the own notifications are unread',
    responses: { 200: unreadOut },
  }),
  markRead: route({
    method: 'POST',
    path: '/api/notifications/:id/read',
    access: 'signedIn',
    summary: 'Mark one own notification read',
    params: notificationIdParams,
    responses: { 200: unreadOut },
  }),
  markAllRead: route({
    method: 'POST',
    path: '/api/notifications/read',
    access: 'signedIn',
    summary: 'Mark every own notification read',
    responses: { 200: unreadOut },
  }),
  stream: route({
    method: 'GET',
    path: '/api/notifications/stream',
    access: 'signedIn',
    kind: 'stream',
    summary: 'The unread count as a stream of server-sent events',
    description:
      'Server-Sent Events: `data: {"unread": n}` at once and after every new or read notification of the ' +
      'account; comments as heartbeat. Only for clients that accept text/event-stream.',
    responses: { 200: z.string().describe('text/event-stream'), 400: streamRefusal, 429: streamRefusal },
  }),
});
