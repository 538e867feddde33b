import { JUSTIFICATION_MAX } from '../../../shared/api/learning';
import type { LearningLevel, ValueKey } from '../../db/schema';

/** Our own texts, always in Dutch first with an English version. */
export type Bilingual = { nl: string; en: string };

/**
 * "Knows" and "explains" questions: a statement or a described behaviour, and the value it expresses.
 * The options are always the four values, so the question itself never gives its value away.
 */
export type ValueQuestionContent = {
  prompt: Bilingual;
  answer: ValueKey;
  explanation: Bilingual;
};

/** "Applies": a dilemma from public-service work, options with feedback on each, the values at stake. */
export type DilemmaContent = {
  title: Bilingual;
  situation: Bilingual;
  question: Bilingual;
  options: { id: string; text: Bilingual; feedback: Bilingual; best: boolean }[];
  valuesAtStake: ValueKey[];
};

export type QuestionContent = ValueQuestionContent | DilemmaContent;

export type SeedQuestion =
  | { key: string; valueKey: ValueKey; level: 'knows' | 'explains'; content: ValueQuestionContent }
  | { key: string; valueKey: ValueKey; level: 'applies'; content: DilemmaContent };

/**
 * Leitner boxes: a wrong answer sends the card back to box 1, due again after a few days; each right
 * answer moves it one box up and further out. Index = box.
 */
export const BOX_INTERVAL_DAYS = [0, 2, 4, 8, 16, 32] as const;
export const MAX_BOX = BOX_INTERVAL_DAYS.length - 1;

/** Correct latest answers needed per value and level to count as mastered (capped at the number of questions). */
export const MASTERY_REQUIRED: Record<LearningLevel, number> = { knows: 3, explains: 3, applies: 4 };

/** A dilemma asks for a short justification: choosing is not yet applying. */
export const JUSTIFICATION_MIN = 15;
export { JUSTIFICATION_MAX };
