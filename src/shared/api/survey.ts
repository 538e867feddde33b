/** The staff survey API: composing questionnaires, running waves (programme admin), answering by token. */
import { z } from 'zod';
import { surveyItemKinds, valueKeys } from '../domain';
import { defineApi, route } from './contract';

export const MAX_TEXT_ANSWER = 2000;
export const MAX_OPTIONS = 15;
export const MAX_ITEM_TEXT = 1000;
export const MAX_ITEMS_PER_WAVE = 200;
export const MAX_DEMOGRAPHICS = 6;
/** Answers of 200 items, each an open text of 2000 multi-byte characters, fit. */
export const ANSWER_BODY_LIMIT = 512 * 1024;

const noNul = (value: string) => !value.includes('\u0000');
const text = (max: number) =>
  z.string().trim().max(max).refine(noNul, { message: 'validation.nul_character' });
const requiredText = (max: number, message = 'survey.validation.required') =>
  z
    .string({ message })
    .trim()
    .min(1, { message })
    .max(max)
    .refine(noNul, { message: 'validation.nul_character' });

const id = z.coerce.number().int().min(1).max(2_147_483_647);
export const idParams = z.object({ id });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'survey.validation.date' });

export const itemKind = z.enum(surveyItemKinds);
export const valueKey = z.enum(valueKeys);
export const option = z.object({ nl: requiredText(200), en: text(200).default('') });

// ---- questionnaires ---------------------------------------------------------------------------

export const itemOut = z.object({
  id: z.number().int(),
  sectionId: z.number().int(),
  position: z.number().int(),
  itemKey: z.string(),
  kind: itemKind,
  textNl: z.string(),
  textEn: z.string(),
  options: z.array(z.object({ nl: z.string(), en: z.string() })),
  valueKey: valueKey.nullable(),
  objective: z.number().int().nullable(),
  outcome: z.boolean(),
  required: z.boolean(),
});

export const sectionOut = z.object({
  id: z.number().int(),
  position: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  introNl: z.string(),
  introEn: z.string(),
  items: z.array(itemOut),
});

export const questionnaireSummaryOut = z.object({
  id: z.number().int(),
  standardKey: z.string().nullable(),
  titleNl: z.string(),
  titleEn: z.string(),
  descriptionNl: z.string(),
  descriptionEn: z.string(),
  itemCount: z.number().int(),
  waveCount: z.number().int(),
  updatedAt: z.string(),
});

export const questionnaireOut = questionnaireSummaryOut.extend({
  /** Standard modules are read-only: copy them or include them in a questionnaire of your own. */
  editable: z.boolean(),
  sections: z.array(sectionOut),
});

export const questionnaireListOut = z.object({ items: z.array(questionnaireSummaryOut) });

export const questionnaireBody = z.object({
  titleNl: requiredText(200),
  titleEn: text(200).default(''),
  descriptionNl: text(2000).default(''),
  descriptionEn: text(2000).default(''),
  /** Start as a copy of this questionnaire (e.g. the standard module). */
  copyOf: id.optional(),
});
export const questionnairePatch = questionnaireBody.omit({ copyOf: true }).partial();

export const includeBody = z.object({ sourceId: id });

export const sectionBody = z.object({
  titleNl: requiredText(200),
  titleEn: text(200).default(''),
  introNl: text(2000).default(''),
  introEn: text(2000).default(''),
});
export const sectionPatch = sectionBody.partial();

const itemFields = {
  itemKey: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,59}$/, { message: 'survey.validation.itemKey' })
    .optional(),
  kind: itemKind,
  textNl: requiredText(MAX_ITEM_TEXT),
  textEn: text(MAX_ITEM_TEXT).default(''),
  options: z.array(option).max(MAX_OPTIONS).default([]),
  valueKey: valueKey.nullable().default(null),
  objective: z.number().int().min(1).max(5).nullable().default(null),
  outcome: z.boolean().default(false),
  required: z.boolean().default(false),
};

const choiceNeedsOptions = (item: { kind?: string; options?: unknown[] }) =>
  item.kind === undefined ||
  !(item.kind === 'single' || item.kind === 'multi') ||
  (item.options?.length ?? 0) >= 2;

export const itemBody = z
  .object(itemFields)
  .refine(choiceNeedsOptions, { message: 'survey.validation.options', path: ['options'] });
export const itemPatch = z
  .object({
    ...itemFields,
    kind: itemKind.optional(),
    textNl: requiredText(MAX_ITEM_TEXT).optional(),
    textEn: text(MAX_ITEM_TEXT).optional(),
    options: z.array(option).max(MAX_OPTIONS).optional(),
    valueKey: valueKey.nullable().optional(),
    objective: z.number().int().min(1).max(5).nullable().optional(),
    outcome: z.boolean().optional(),
    required: z.boolean().optional(),
  })
  // Only options sent with a choice kind are checked here; the service checks the merged item with the
  // create rules, so a patch that only changes the kind of a choice item keeps its stored options.
  .refine((patch) => patch.options === undefined || choiceNeedsOptions(patch), {
    message: 'survey.validation.options',
    path: ['options'],
  });

export const orderBody = z.object({
  sections: z.array(z.object({ id, items: z.array(id).max(MAX_ITEMS_PER_WAVE) })).max(100),
});

// ---- waves -------------------------------------------------------------------------------------

export const demographicBody = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, { message: 'survey.validation.itemKey' }),
  labelNl: requiredText(200),
  labelEn: text(200).default(''),
  options: z.array(option).min(2, { message: 'survey.validation.options' }).max(MAX_OPTIONS),
  minGroupSize: z.number().int().min(3).max(100).default(10),
});

export const waveBody = z.object({
  questionnaireId: id,
  titleNl: requiredText(200),
  titleEn: text(200).default(''),
  opensOn: isoDate,
  closesOn: isoDate,
  minGroupSize: z.number().int().min(3).max(100).default(5),
  targetUnitIds: z.array(id).max(500).default([]),
  demographics: z.array(demographicBody).max(MAX_DEMOGRAPHICS).default([]),
  previousWaveId: id.nullable().default(null),
});
/** The people and units a launch invites: previewed, then confirmed by the admin with the launch. */
export const launchCounts = z.object({
  invited: z.number().int().min(0).max(10_000_000),
  units: z.number().int().min(0).max(10_000_000),
});
export type LaunchCounts = z.infer<typeof launchCounts>;

export const wavePatch = z.object({
  titleNl: requiredText(200).optional(),
  titleEn: text(200).optional(),
  opensOn: isoDate.optional(),
  closesOn: isoDate.optional(),
  minGroupSize: z.number().int().min(3).max(100).optional(),
  targetUnitIds: z.array(id).max(500).optional(),
  demographics: z.array(demographicBody).max(MAX_DEMOGRAPHICS).optional(),
  previousWaveId: id.nullable().optional(),
});

const waveStatus = z.enum(['draft', 'open', 'closed']);

export const waveSummaryOut = z.object({
  id: z.number().int(),
  questionnaireId: z.number().int(),
  questionnaireTitleNl: z.string(),
  titleNl: z.string(),
  titleEn: z.string(),
  status: waveStatus,
  opensOn: z.string(),
  closesOn: z.string(),
  minGroupSize: z.number().int(),
  launchedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  invited: z.number().int(),
  /** Null while fewer than the threshold were invited (no participation figure about < k people). */
  answered: z.number().int().nullable(),
});

export const waveOut = waveSummaryOut.extend({
  previousWaveId: z.number().int().nullable(),
  targets: z.array(z.object({ unitId: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() })),
  demographics: z.array(
    z.object({
      key: z.string(),
      labelNl: z.string(),
      labelEn: z.string(),
      options: z.array(z.object({ nl: z.string(), en: z.string() })),
      minGroupSize: z.number().int(),
    }),
  ),
  itemCount: z.number().int(),
  reminders: z.object({ lastSentAt: z.string().nullable(), rounds: z.number().int() }),
});

export const waveListOut = z.object({ items: z.array(waveSummaryOut) });

export const participationOut = z.object({
  waveId: z.number().int(),
  k: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      parentId: z.number().int().nullable(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      depth: z.number().int(),
      /** Null when hidden by the anonymity planner (fewer than k invitees, or complementary). */
      invited: z.number().int().nullable(),
      answered: z.number().int().nullable(),
      rate: z.number().nullable(),
    }),
  ),
});

export const remindOut = z.object({ queued: z.number().int() });

// ---- answering (public, token) ----------------------------------------------------------------

export const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'survey.errors.unknownToken' }),
});

type AnswerValue = number | number[] | string | null;
const ANSWER_KEY = /^\d{1,10}$/;
const isSmallInt = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= -1000 && (value as number) <= 1000;
const isAnswerValue = (value: unknown): value is AnswerValue =>
  value === null ||
  isSmallInt(value) ||
  (typeof value === 'string' && value.length <= MAX_TEXT_ANSWER * 2) ||
  (Array.isArray(value) && value.length <= MAX_OPTIONS && value.every(isSmallInt));

/**
 * The answers keyed by wave item id, each of a form some question accepts; validateAnswers then checks each
 * against its own question. Checked by hand rather than as a zod record of a union: that took 15–20 µs for a
 * submission of 60 answers (a sixth of the server's time for one), this a few µs.
 */
const answerMap = z
  .custom<Record<string, AnswerValue>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: 'survey.validation.answers' },
  )
  .superRefine((answers, ctx) => {
    // Object.keys, not Object.entries: the entries' pairs were an eighth of the bytes a submission allocated.
    const keys = Object.keys(answers);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!ANSWER_KEY.test(key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'survey.validation.unknownItem' });
      else if (!isAnswerValue(answers[key]))
        ctx.addIssue({ code: 'custom', path: [key], message: 'survey.validation.answerForm' });
    }
  })
  .meta({
    type: 'object',
    propertyNames: { pattern: ANSWER_KEY.source },
    additionalProperties: {
      anyOf: [
        { type: 'integer', minimum: -1000, maximum: 1000 },
        { type: 'array', items: { type: 'integer', minimum: -1000, maximum: 1000 }, maxItems: MAX_OPTIONS },
        { type: 'string', maxLength: MAX_TEXT_ANSWER * 2 },
        { type: 'null' },
      ],
    },
    description:
      'Keyed by wave item id: an integer (scales, single choice), a list of integers (multiple choice), a text (open question) or null.',
  });

export const answersBody = z.object({
  /** Keyed by wave item id. */
  answers: answerMap.default({}),
  /** Keyed by demographic key; the 1-based option number or null (prefer not to say). */
  demographics: z.record(z.string().max(30), z.number().int().min(-1000).max(1000).nullable()).default({}),
});
export type AnswersInput = z.infer<typeof answersBody>;

export const formOut = z.object({
  status: z.enum(['open', 'answered', 'closed', 'not_open']),
  wave: z.object({
    titleNl: z.string(),
    titleEn: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
  }),
  language: z.enum(['nl', 'en']),
  sections: z.array(
    z.object({
      position: z.number().int(),
      titleNl: z.string(),
      titleEn: z.string(),
      introNl: z.string(),
      introEn: z.string(),
      items: z.array(
        z.object({
          id: z.number().int(),
          kind: itemKind,
          textNl: z.string(),
          textEn: z.string(),
          options: z.array(z.object({ nl: z.string(), en: z.string() })),
          required: z.boolean(),
        }),
      ),
    }),
  ),
  demographics: z.array(
    z.object({
      key: z.string(),
      labelNl: z.string(),
      labelEn: z.string(),
      options: z.array(z.object({ nl: z.string(), en: z.string() })),
    }),
  ),
  draft: answersBody.nullable(),
});

export const submitOut = z.object({ status: z.enum(['submitted', 'already_answered']) });
export const draftOut = z.object({ saved: z.literal(true) });

export const mySurveysOut = z.object({
  items: z.array(
    z.object({
      waveId: z.number().int(),
      titleNl: z.string(),
      titleEn: z.string(),
      closesOn: z.string(),
      /** The personal answering link (relative). */
      path: z.string(),
    }),
  ),
});

// ---- routes ----------------------------------------------------------------------------------

export const surveyApi = defineApi('survey', {
  form: route({
    method: 'GET',
    path: '/api/survey/answer/:token',
    access: 'public',
    summary: 'The questionnaire behind a personal answering link, with its saved draft',
    params: tokenParams,
    responses: { 200: formOut },
  }),
  saveDraft: route({
    method: 'PUT',
    path: '/api/survey/answer/:token/draft',
    access: 'public',
    summary: 'Save the answers so far as a draft',
    params: tokenParams,
    body: answersBody,
    responses: { 200: draftOut },
  }),
  submit: route({
    method: 'POST',
    path: '/api/survey/answer/:token',
    access: 'public',
    summary: 'Submit the answers of a personal answering link',
    params: tokenParams,
    body: answersBody,
    responses: { 200: submitOut },
  }),
  mine: route({
    method: 'GET',
    path: '/api/survey/mine',
    access: 'employee',
    summary: 'The open waves the caller is invited to and has not answered',
    responses: { 200: mySurveysOut },
  }),
  questionnaires: route({
    method: 'GET',
    path: '/api/survey/admin/questionnaires',
    access: 'programmeAdmin',
    summary: 'List questionnaires, the standard modules included',
    responses: { 200: questionnaireListOut },
  }),
  createQuestionnaire: route({
    method: 'POST',
    path: '/api/survey/admin/questionnaires',
    access: 'programmeAdmin',
    summary: 'Create a questionnaire, empty or as a copy of another',
    body: questionnaireBody,
    responses: { 201: questionnaireOut },
  }),
  questionnaire: route({
    method: 'GET',
    path: '/api/survey/admin/questionnaires/:id',
    access: 'programmeAdmin',
    summary: 'One questionnaire with its sections and items',
    params: idParams,
    responses: { 200: questionnaireOut },
  }),
  updateQuestionnaire: route({
    method: 'PATCH',
    path: '/api/survey/admin/questionnaires/:id',
    access: 'programmeAdmin',
    summary: 'Change the title or description of a questionnaire',
    params: idParams,
    body: questionnairePatch,
    responses: { 200: questionnaireOut },
  }),
  archiveQuestionnaire: route({
    method: 'DELETE',
    path: '/api/survey/admin/questionnaires/:id',
    access: 'programmeAdmin',
    summary: 'Archive a questionnaire',
    params: idParams,
    responses: { 204: z.null() },
  }),
  includeQuestionnaire: route({
    method: 'POST',
    path: '/api/survey/admin/questionnaires/:id/include',
    access: 'programmeAdmin',
    summary: 'Append the sections of another questionnaire (a standard module) to this one',
    params: idParams,
    body: includeBody,
    responses: { 200: questionnaireOut },
  }),
  reorder: route({
    method: 'PUT',
    path: '/api/survey/admin/questionnaires/:id/order',
    access: 'programmeAdmin',
    summary: 'Reorder the sections and items of a questionnaire',
    params: idParams,
    body: orderBody,
    responses: { 200: questionnaireOut },
  }),
  addSection: route({
    method: 'POST',
    path: '/api/survey/admin/questionnaires/:id/sections',
    access: 'programmeAdmin',
    summary: 'Add a section to a questionnaire',
    params: idParams,
    body: sectionBody,
    responses: { 201: questionnaireOut },
  }),
  updateSection: route({
    method: 'PATCH',
    path: '/api/survey/admin/sections/:id',
    access: 'programmeAdmin',
    summary: 'Change a section',
    params: idParams,
    body: sectionPatch,
    responses: { 200: questionnaireOut },
  }),
  deleteSection: route({
    method: 'DELETE',
    path: '/api/survey/admin/sections/:id',
    access: 'programmeAdmin',
    summary: 'Delete a section with its items',
    params: idParams,
    responses: { 200: questionnaireOut },
  }),
  addItem: route({
    method: 'POST',
    path: '/api/survey/admin/sections/:id/items',
    access: 'programmeAdmin',
    summary: 'Add a question to a section',
    params: idParams,
    body: itemBody,
    responses: { 201: questionnaireOut },
  }),
  updateItem: route({
    method: 'PATCH',
    path: '/api/survey/admin/items/:id',
    access: 'programmeAdmin',
    summary: 'Change a question',
    params: idParams,
    body: itemPatch,
    responses: { 200: questionnaireOut },
  }),
  deleteItem: route({
    method: 'DELETE',
    path: '/api/survey/admin/items/:id',
    access: 'programmeAdmin',
    summary: 'Delete a question',
    params: idParams,
    responses: { 200: questionnaireOut },
  }),
  waves: route({
    method: 'GET',
    path: '/api/survey/admin/waves',
    access: 'programmeAdmin',
    summary: 'List survey waves with their participation',
    responses: { 200: waveListOut },
  }),
  createWave: route({
    method: 'POST',
    path: '/api/survey/admin/waves',
    access: 'programmeAdmin',
    summary: 'Plan a wave of a questionnaire for some units',
    body: waveBody,
    responses: { 201: waveOut },
  }),
  wave: route({
    method: 'GET',
    path: '/api/survey/admin/waves/:id',
    access: 'programmeAdmin',
    summary: 'One wave with its targets, demographic questions and reminders',
    params: idParams,
    responses: { 200: waveOut },
  }),
  updateWave: route({
    method: 'PATCH',
    path: '/api/survey/admin/waves/:id',
    access: 'programmeAdmin',
    summary: 'Change a wave that has not been launched',
    params: idParams,
    body: wavePatch,
    responses: { 200: waveOut },
  }),
  deleteWave: route({
    method: 'DELETE',
    path: '/api/survey/admin/waves/:id',
    access: 'programmeAdmin',
    summary: 'Delete a wave that has not been launched',
    params: idParams,
    responses: { 204: z.null() },
  }),
  launchPreview: route({
    method: 'GET',
    path: '/api/survey/admin/waves/:id/launch-preview',
    access: 'programmeAdmin',
    summary: 'How many people in how many units launching the wave now would invite',
    params: idParams,
    responses: { 200: launchCounts },
  }),
  launchWave: route({
    method: 'POST',
    path: '/api/survey/admin/waves/:id/launch',
    access: 'programmeAdmin',
    summary: 'Launch a wave with the confirmed counts: freeze its questionnaire and units, invite everyone',
    params: idParams,
    body: launchCounts,
    responses: { 200: waveOut },
  }),
  closeWave: route({
    method: 'POST',
    path: '/api/survey/admin/waves/:id/close',
    access: 'programmeAdmin',
    summary: 'Close an open wave now',
    params: idParams,
    responses: { 200: waveOut },
  }),
  remind: route({
    method: 'POST',
    path: '/api/survey/admin/waves/:id/remind',
    access: 'programmeAdmin',
    summary: 'Mail a reminder to the invitees who have not answered',
    params: idParams,
    responses: { 200: remindOut },
  }),
  participation: route({
    method: 'GET',
    path: '/api/survey/admin/waves/:id/participation',
    access: 'programmeAdmin',
    summary: 'Participation per unit of a wave, hidden below k',
    params: idParams,
    responses: { 200: participationOut },
  }),
});
