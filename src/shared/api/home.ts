/** The signed-in person's home page: one section per role they hold, each a few cards with a link. */
import { z } from 'zod';
import { roles } from '../roles';
import { defineApi, route } from './contract';

export const homeCardKeys = [
  'openSurvey',
  'noOpenSurvey',
  'learningProgress',
  'learningDue',
  'appreciationReceived',
  'myStories',
  'teamResults',
  'teamLearning',
  'teamAppreciation',
  'teamActions',
  'storiesAwaiting',
  'appreciationReported',
  'entityProfile',
  'entityResults',
  'entityProfilePage',
  'entityActionPlan',
  'rosterImport',
  'wavesRunning',
  'waveEnding',
  'pageFeedback',
  'supportRequests',
  'contactConsole',
  'contactTickets',
  'contactBoard',
] as const;

export const homeCardOut = z.object({
  /** The card's text is `home.cards.<key>` in the catalogues, filled with count, label and date. */
  key: z.enum(homeCardKeys),
  href: z.string(),
  /** A count of the reader's own items or of work waiting; never a figure about other people's answers. */
  count: z.number().int().nullable(),
  /** A name or title in the reader's language (a survey's title, an entity's name). */
  label: z.string().nullable(),
  /** An ISO date or time the card refers to (a closing day, the last import). */
  date: z.string().nullable(),
  /** A state code the web app words (an entity profile's publication, an import's outcome). */
  status: z.string().nullable(),
  /** Whether the card asks the reader to act (shown first, emphasised). */
  attention: z.boolean(),
});
export type HomeCard = z.infer<typeof homeCardOut>;

export const homeSectionOut = z.object({ role: z.enum(roles), cards: z.array(homeCardOut) });
export type HomeSection = z.infer<typeof homeSectionOut>;

export const homeOut = z.object({ sections: z.array(homeSectionOut) });

export const homeApi = defineApi('home', {
  get: route({
    method: 'GET',
    path: '/api/home',
    access: 'signedIn',
    summary: 'The home page: for each role of the caller, what needs their attention, with links',
    responses: { 200: homeOut },
  }),
});
