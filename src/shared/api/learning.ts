import { z } from 'zod';
import { learningLevels, valueKeys } from '../domain';
import { defineApi, route } from './contract';

/** The longest justification a dilemma answer may carry. */
export const JUSTIFICATION_MAX = 1000;

export const valueKey = z.enum(valueKeys);
export const learningLevel = z.enum(learningLevels);

export const MAX_STEPS = 12;
export const MAX_BODY = 20_000;
export const PRACTICE_BATCH = 10;

// ---- shared text rules -----------------------------------------------------------------------

/** Plain text is shown as text; a tag in it is a mistake or an attempt, and gets a clear refusal. */
const looksLikeMarkup = (value: string) => /<\s*\/?\s*[a-z!][^>]*>/i.test(value);
const plain = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !looksLikeMarkup(v), { message: 'learning.validation.noMarkup' });

/** Markdown is rendered and sanitised on save; a script tag is refused outright so the author knows. */
const markdown = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/<\s*(script|iframe|object|embed|style)\b/i.test(v), {
      message: 'learning.validation.scriptTag',
    });

/** Images come from this site only (the page's security policy allows no others). */
const imagePath = z
  .string()
  .trim()
  .max(300)
  .regex(/^\/(?!\/)[A-Za-z0-9/_.-]+$/, { message: 'learning.validation.imageUrl' });

const videoUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/[^\s<>"']+$/, { message: 'learning.validation.videoUrl' });

// ---- params and queries --------------------------------------------------------------------------

export const valueParams = z.object({ valueKey });
export const questionParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const illustrationParams = z.object({ name: z.string().max(60) });
export const imageParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** An uploaded image is re-encoded; larger files are refused before decoding. */
export const MAX_LEARNING_IMAGE_BYTES = 5 * 1024 * 1024;

export const practiceQuery = z.strictObject({
  level: learningLevel.optional(),
  /** Only with dilemmas ("applies"): the other levels ask which value, so a value filter would give it away. */
  value: valueKey.optional(),
});

export const insightsQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

// ---- bodies --------------------------------------------------------------------------------------

export const answerBody = z.object({
  choice: z.string().trim().min(1).max(40),
  justification: plain(0, JUSTIFICATION_MAX).optional(),
});
export type AnswerInput = z.infer<typeof answerBody>;

export const stepBody = z
  .object({
    titleNl: plain(1, 160),
    titleEn: plain(1, 160),
    bodyNl: markdown(MAX_BODY),
    bodyEn: markdown(MAX_BODY),
    imageUrl: imagePath.nullable().default(null),
    imageAltNl: plain(0, 300).default(''),
    imageAltEn: plain(0, 300).default(''),
    videoUrl: videoUrl.nullable().default(null),
  })
  .refine((step) => !step.imageUrl || (step.imageAltNl !== '' && step.imageAltEn !== ''), {
    message: 'learning.validation.imageAlt',
    path: ['imageAltNl'],
  });

export const moduleBody = z.object({
  titleNl: plain(1, 160),
  titleEn: plain(1, 160),
  introNl: plain(0, 1000),
  introEn: plain(0, 1000),
  published: z.boolean(),
  steps: z.array(stepBody).min(1, { message: 'learning.validation.steps' }).max(MAX_STEPS),
});
export type ModuleInput = z.infer<typeof moduleBody>;

// ---- responses -----------------------------------------------------------------------------------

/** An image an author can put in a step: a seeded illustration or an uploaded image. */
export const pickableImageOut = z.object({
  url: z.string(),
  label: z.string(),
  kind: z.enum(['illustration', 'upload']),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

const bilingual = z.object({ nl: z.string(), en: z.string() });

export const stepOut = z.object({
  position: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  htmlNl: z.string(),
  htmlEn: z.string(),
  imageUrl: z.string().nullable(),
  imageAltNl: z.string(),
  imageAltEn: z.string(),
  videoUrl: z.string().nullable(),
});

export const moduleSummaryOut = z.object({
  valueKey,
  titleNl: z.string(),
  titleEn: z.string(),
  introNl: z.string(),
  introEn: z.string(),
  stepCount: z.number().int(),
  published: z.boolean(),
  completedAt: z.string().nullable(),
});

export const moduleOut = moduleSummaryOut.extend({
  steps: z.array(stepOut),
  /** The central value from the published framework. */
  value: z.object({
    nameNl: z.string(),
    nameEn: z.string(),
    headingNl: z.string(),
    headingEn: z.string(),
    statements: z.array(z.object({ textNl: z.string(), textEn: z.string() })),
  }),
  /** The person's entity and its own words for this value, when it has written them. */
  entity: z
    .object({
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      textNl: z.string(),
      textEn: z.string(),
      focus: z.boolean(),
    })
    .nullable(),
});

export const adminModuleOut = z.object({
  valueKey,
  exists: z.boolean(),
  titleNl: z.string(),
  titleEn: z.string(),
  introNl: z.string(),
  introEn: z.string(),
  published: z.boolean(),
  updatedAt: z.string().nullable(),
  steps: z.array(
    z.object({
      titleNl: z.string(),
      titleEn: z.string(),
      bodyNl: z.string(),
      bodyEn: z.string(),
      imageUrl: z.string().nullable(),
      imageAltNl: z.string(),
      imageAltEn: z.string(),
      videoUrl: z.string().nullable(),
    }),
  ),
});

export const questionOut = z.object({
  id: z.number().int(),
  level: learningLevel,
  /** Only for dilemmas: knowing the value of a "knows"/"explains" question is knowing its answer. */
  valueKey: valueKey.nullable(),
  prompt: bilingual,
  title: bilingual.nullable(),
  question: bilingual.nullable(),
  /** Dilemma options; for the other levels the options are the four values. */
  options: z.array(z.object({ id: z.string(), text: bilingual })),
  justification: z.enum(['none', 'required']),
  /** Seen before and answered wrongly last time (it came back). */
  review: z.boolean(),
});

export const practiceOut = z.object({
  questions: z.array(questionOut),
  dueCount: z.number().int(),
  newCount: z.number().int(),
  /** When the next card becomes due, if nothing is due or new now. */
  nextDueAt: z.string().nullable(),
});

export const answerOut = z.object({
  correct: z.boolean(),
  correctChoice: z.string(),
  explanation: bilingual.nullable(),
  options: z.array(
    z.object({ id: z.string(), text: bilingual, feedback: bilingual.nullable(), best: z.boolean() }),
  ),
  valuesAtStake: z.array(valueKey),
  box: z.number().int(),
  dueAt: z.string(),
});

const levelProgress = z.object({
  level: learningLevel,
  total: z.number().int(),
  answered: z.number().int(),
  correct: z.number().int(),
  required: z.number().int(),
  mastered: z.boolean(),
  due: z.number().int(),
});

export const progressOut = z.object({
  values: z.array(
    z.object({
      valueKey,
      completedAt: z.string().nullable(),
      levels: z.array(levelProgress),
    }),
  ),
  dueNow: z.number().int(),
  nextDueAt: z.string().nullable(),
});

export const completionOut = z.object({ valueKey, completedAt: z.string() });

const insightFigures = z.object({
  participants: z.number().int(),
  values: z.array(
    z.object({
      valueKey,
      completed: z.number().int(),
      knows: z.number().int(),
      explains: z.number().int(),
      applies: z.number().int(),
    }),
  ),
});

export const insightRow = z.object({
  unitId: z.number().int(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  kind: z.string(),
  hasChildren: z.boolean(),
  /** Hidden: fewer than k participants here, or hidden so a hidden neighbour cannot be worked out. */
  visible: z.boolean(),
  figures: insightFigures.nullable(),
});

export const insightsOut = z.object({
  k: z.number().int(),
  /** When the release these figures come from was taken: figures are as of then, not live. */
  releasedAt: z.string(),
  scopes: z.array(z.object({ unitId: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() })),
  unit: insightRow.nullable(),
  parentId: z.number().int().nullable(),
  children: z.array(insightRow),
});

export const ownAnswerOut = z.object({
  id: z.number().int(),
  level: learningLevel,
  valueKey,
  /** The dilemma's title, or the statement/behaviour of a knows/explains question. */
  title: bilingual,
  choice: z.string(),
  /** The chosen option of a dilemma; for the other levels the choice is a value key. */
  choiceText: bilingual.nullable(),
  correct: z.boolean(),
  justification: z.string().nullable(),
  answeredAt: z.string(),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const learningApi = defineApi('learning', {
  modules: route({
    method: 'GET',
    path: '/api/learning/modules',
    access: 'signedIn',
    summary: 'The learning modules the caller may follow, with their own completion',
    responses: { 200: z.array(moduleSummaryOut) },
  }),
  module: route({
    method: 'GET',
    path: '/api/learning/modules/:valueKey',
    access: 'signedIn',
    summary: 'One learning module with its steps, the value and the own entity’s words for it',
    params: valueParams,
    responses: { 200: moduleOut },
  }),
  complete: route({
    method: 'POST',
    path: '/api/learning/modules/:valueKey/completion',
    access: 'signedIn',
    summary: 'Mark a learning module as completed by the caller',
    params: valueParams,
    responses: { 200: completionOut },
  }),
  practice: route({
    method: 'GET',
    path: '/api/learning/practice',
    access: 'signedIn',
    summary: 'The next batch of due and new practice questions for the caller',
    query: practiceQuery,
    responses: { 200: practiceOut },
  }),
  answer: route({
    method: 'POST',
    path: '/api/learning/questions/:id/answers',
    access: 'signedIn',
    summary: 'Answer a practice question; returns the feedback and the card’s next due date',
    params: questionParams,
    body: answerBody,
    responses: { 200: answerOut },
  }),
  progress: route({
    method: 'GET',
    path: '/api/learning/progress',
    access: 'signedIn',
    summary: 'The caller’s own progress per value and level',
    responses: { 200: progressOut },
  }),
  answers: route({
    method: 'GET',
    path: '/api/learning/answers',
    access: 'signedIn',
    summary: 'The caller’s own latest answers, with their justifications',
    responses: { 200: z.array(ownAnswerOut) },
  }),
  eraseResults: route({
    method: 'DELETE',
    path: '/api/learning/results',
    access: 'signedIn',
    summary: 'Erase the caller’s own answers, cards and completions',
    responses: { 200: okOut },
  }),
  insights: route({
    method: 'GET',
    path: '/api/learning/insights',
    access: 'signedIn',
    summary: 'Completion and mastery per unit from the latest release, hidden below k',
    query: insightsQuery,
    responses: { 200: insightsOut },
  }),
  authoringModules: route({
    method: 'GET',
    path: '/api/learning/authoring/modules',
    access: 'programmeAdmin',
    summary: 'Every value’s learning module as its authors edit it',
    responses: { 200: z.array(adminModuleOut) },
  }),
  saveModule: route({
    method: 'PUT',
    path: '/api/learning/authoring/modules/:valueKey',
    access: 'programmeAdmin',
    summary: 'Create or replace the learning module of a value',
    params: valueParams,
    body: moduleBody,
    responses: { 200: adminModuleOut },
  }),
  images: route({
    method: 'GET',
    path: '/api/learning/authoring/images',
    access: 'programmeAdmin',
    summary: 'The images an author can put in a step: our illustrations and every uploaded image',
    responses: { 200: z.array(pickableImageOut) },
  }),
  uploadImage: route({
    method: 'POST',
    path: '/api/learning/authoring/images',
    access: 'programmeAdmin',
    summary: 'Upload an image for learning steps',
    description:
      'multipart/form-data with one `image` part (JPEG, PNG or WebP, at most 5 MB): checked by its content, re-encoded without metadata.',
    multipart: true,
    responses: { 201: pickableImageOut },
  }),
  image: route({
    method: 'GET',
    path: '/api/learning/images/:id',
    access: 'signedIn',
    summary: 'An uploaded image of a learning step',
    kind: 'file',
    params: imageParams,
  }),
  illustration: route({
    method: 'GET',
    path: '/api/learning/illustrations/:name',
    access: 'public',
    summary: 'An illustration of the learning modules (SVG)',
    kind: 'file',
    params: illustrationParams,
  }),
});
