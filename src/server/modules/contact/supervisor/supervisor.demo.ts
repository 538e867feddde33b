import { brusselsDay } from '../../../../shared/brussels-day';
import type { Db } from '../../../db/client';
import { type DemoRating, seedDemoRatings } from '../feedback/feedback.service';
import * as repo from './supervisor.repo';

/**
 * Two weeks of synthetic 1700 chat history and a month of ratings, so the supervisor board and the feedback
 * figures show something in the demo. No citizen data: chats carry no name and no messages. Idempotent.
 */
export async function seedContactDemo(db: Db, agentEmail: string, now = new Date()) {
  if (await repo.hasDemoHistory(db)) return;
  const queueId = await repo.findQueueId(db, 'algemeen');
  if (queueId === undefined) return;
  const agentId = (await repo.accountIdByEmail(db, agentEmail)) ?? null;
  let seed = 1700;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const chats: repo.DemoChat[] = [];
  /** The demo agent's working days: available from 08:55 to 17:05 with a lunch break away, then offline. */
  const statuses: repo.DemoStatus[] = [];
  for (let daysAgo = 14; daysAgo >= 1; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * 86_400_000);
    const weekday = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      weekday: 'short',
    }).format(day);
    if (weekday === 'Sat' || weekday === 'Sun') continue;
    const date = brusselsDay(day);
    // Like the chats below, an hour off UTC either way: 07:55 UTC is 08:55 or 09:55 Brussels.
    if (agentId !== null)
      for (const [time, status] of [
        ['07:55', 'available'],
        ['11:00', 'away'],
        ['11:30', 'available'],
        ['16:05', 'offline'],
      ] as const)
        statuses.push({ accountId: agentId, status, at: new Date(`${date}T${time}:00Z`) });
    for (let hour = 9; hour < 17; hour++) {
      // A morning and an early-afternoon peak, as contact centres see them.
      const busy = hour === 10 || hour === 11 || hour === 14 ? 7 : 4;
      const arrivals = Math.round(busy * (0.6 + random() * 0.8));
      for (let i = 0; i < arrivals; i++) {
        // 09:00 Brussels is 07:00 or 08:00 UTC; an hour's offset either way keeps the demo plausible.
        const createdAt = new Date(
          `${date}T${String(hour - 1).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`,
        );
        const waitSeconds = Math.round(5 + random() ** 2 * (busy > 5 ? 240 : 120));
        const abandoned = random() < 0.07;
        chats.push({
          queueId,
          tokenHash: `demo-${chats.length}`,
          createdAt,
          waitSeconds: abandoned ? null : waitSeconds,
          handleSeconds: abandoned ? Math.round(30 + random() * 200) : Math.round(150 + random() * 450),
          estimateSeconds: Math.max(
            0,
            Math.round(waitSeconds * (0.7 + random() * 0.6) + (random() - 0.5) * 40),
          ),
          agentId,
        });
      }
    }
  }
  await repo.insertDemoChats(db, chats);
  await repo.insertDemoStatuses(db, statuses);
  // Ratings on days of the current month only (the summary shows calendar months).
  const today = brusselsDay(now);
  const ratings: DemoRating[] = [];
  for (let i = 0; i < 24; i++) {
    const day = `${today.slice(0, 8)}${String(1 + Math.floor(random() * Number(today.slice(8, 10)))).padStart(2, '0')}`;
    const score = () => Math.min(5, Math.max(1, Math.round(3.9 + (random() - 0.4) * 2.4)));
    ratings.push({
      channel: random() < 0.7 ? 'chat' : 'mail',
      day,
      satisfaction: score(),
      openness: score(),
      decisiveness: score(),
      reliability: score(),
      agility: score(),
    });
  }
  await seedDemoRatings(db, { queueId, agentAccountId: agentId }, ratings);
}
