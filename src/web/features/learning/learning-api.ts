import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Locale } from '../../app/types';

export const valueKeys = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'] as const;
export type ValueKey = (typeof valueKeys)[number];
export const levels = ['knows', 'explains', 'applies'] as const;
export type Level = (typeof levels)[number];

export type Bilingual = { nl: string; en: string };
export const tr = (locale: Locale, text: Bilingual | null | undefined) =>
  text ? (locale === 'en' ? text.en || text.nl : text.nl || text.en) : '';

export const isValueKey = (value: string | undefined | null): value is ValueKey =>
  !!value && (valueKeys as readonly string[]).includes(value);
export const isLevel = (value: string | undefined | null): value is Level =>
  !!value && (levels as readonly string[]).includes(value);

export type ModuleSummary = {
  valueKey: ValueKey;
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  stepCount: number;
  published: boolean;
  completedAt: string | null;
};

export type Step = {
  position: number;
  titleNl: string;
  titleEn: string;
  htmlNl: string;
  htmlEn: string;
  imageUrl: string | null;
  imageAltNl: string;
  imageAltEn: string;
  videoUrl: string | null;
};

export type Module = ModuleSummary & {
  steps: Step[];
  value: {
    nameNl: string;
    nameEn: string;
    headingNl: string;
    headingEn: string;
    statements: { textNl: string; textEn: string }[];
  };
  entity: { nameNl: string; nameEn: string | null; textNl: string; textEn: string; focus: boolean } | null;
};

export type Question = {
  id: number;
  level: Level;
  valueKey: ValueKey | null;
  prompt: Bilingual;
  title: Bilingual | null;
  question: Bilingual | null;
  options: { id: string; text: Bilingual }[];
  justification: 'none' | 'required';
  review: boolean;
};

export type Practice = {
  questions: Question[];
  dueCount: number;
  newCount: number;
  nextDueAt: string | null;
};

export type AnswerResult = {
  correct: boolean;
  correctChoice: string;
  explanation: Bilingual | null;
  options: { id: string; text: Bilingual; feedback: Bilingual | null; best: boolean }[];
  valuesAtStake: ValueKey[];
  box: number;
  dueAt: string;
};

export type LevelProgress = {
  level: Level;
  total: number;
  answered: number;
  correct: number;
  required: number;
  mastered: boolean;
  due: number;
};
export type Progress = {
  values: { valueKey: ValueKey; completedAt: string | null; levels: LevelProgress[] }[];
  dueNow: number;
  nextDueAt: string | null;
};

export type InsightRow = {
  unitId: number;
  nameNl: string;
  nameEn: string | null;
  kind: string;
  hasChildren: boolean;
  visible: boolean;
  figures: {
    participants: number;
    values: { valueKey: ValueKey; completed: number; knows: number; explains: number; applies: number }[];
  } | null;
};
export type Insights = {
  k: number;
  /** When the release these figures come from was taken. */
  releasedAt: string;
  scopes: { unitId: number; nameNl: string; nameEn: string | null }[];
  unit: InsightRow | null;
  parentId: number | null;
  children: InsightRow[];
};

export type AuthoringStep = {
  titleNl: string;
  titleEn: string;
  bodyNl: string;
  bodyEn: string;
  imageUrl: string | null;
  imageAltNl: string;
  imageAltEn: string;
  videoUrl: string | null;
};
export type AuthoringModule = {
  valueKey: ValueKey;
  exists: boolean;
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  published: boolean;
  updatedAt: string | null;
  steps: AuthoringStep[];
};

export const learningKeys = {
  all: ['learning'] as const,
  modules: ['learning', 'modules'] as const,
  module: (valueKey: string) => ['learning', 'module', valueKey] as const,
  progress: ['learning', 'progress'] as const,
  practice: (level?: string, value?: string) => ['learning', 'practice', level ?? '', value ?? ''] as const,
  insights: (unitId?: number) => ['learning', 'insights', unitId ?? null] as const,
  authoring: ['learning', 'authoring'] as const,
};

export const useModules = () =>
  useQuery({
    queryKey: learningKeys.modules,
    queryFn: () => api.get<ModuleSummary[]>('/api/learning/modules'),
  });

export const useModule = (valueKey: ValueKey) =>
  useQuery({
    queryKey: learningKeys.module(valueKey),
    queryFn: () => api.get<Module>(`/api/learning/modules/${valueKey}`),
  });

export const useProgress = () =>
  useQuery({ queryKey: learningKeys.progress, queryFn: () => api.get<Progress>('/api/learning/progress') });

export type OwnAnswer = {
  id: number;
  level: Level;
  valueKey: ValueKey;
  title: Bilingual;
  choice: string;
  choiceText: Bilingual | null;
  correct: boolean;
  justification: string | null;
  answeredAt: string;
};

export const useOwnAnswers = () =>
  useQuery({
    queryKey: ['learning', 'answers'],
    queryFn: () => api.get<OwnAnswer[]>('/api/learning/answers'),
  });
