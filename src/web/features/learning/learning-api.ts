import { useQuery } from '@tanstack/react-query';
import type { RouteInput, RouteOutput } from '../../../shared/api/contract';
import type { learningApi } from '../../../shared/api/learning';
import { type LearningLevel, learningLevels, type ValueKey, valueKeys } from '../../../shared/domain';
import { api } from '../../app/api';
import type { Locale } from '../../app/types';

export { type ValueKey, valueKeys };
export const levels = learningLevels;
export type Level = LearningLevel;

type Routes = typeof learningApi.routes;

export type Bilingual = { nl: string; en: string };
export const tr = (locale: Locale, text: Bilingual | null | undefined) =>
  text ? (locale === 'en' ? text.en || text.nl : text.nl || text.en) : '';

export const isValueKey = (value: string | undefined | null): value is ValueKey =>
  !!value && (valueKeys as readonly string[]).includes(value);
export const isLevel = (value: string | undefined | null): value is Level =>
  !!value && (levels as readonly string[]).includes(value);

// Response shapes, as the contract types them: a renamed field on the server fails to compile here.
export type ModuleSummary = RouteOutput<Routes['modules']>[number];
export type Module = RouteOutput<Routes['module']>;
export type Practice = RouteOutput<Routes['practice']>;
export type Question = Practice['questions'][number];
export type AnswerResult = RouteOutput<Routes['answer']>;
export type AnswerInput = RouteInput<Routes['answer']>['body'];
export type Progress = RouteOutput<Routes['progress']>;
export type LevelProgress = Progress['values'][number]['levels'][number];
export type Insights = RouteOutput<Routes['insights']>;
export type InsightRow = Insights['children'][number];
export type AuthoringModule = RouteOutput<Routes['authoringModules']>[number];
export type AuthoringStep = AuthoringModule['steps'][number];
export type OwnAnswer = RouteOutput<Routes['answers']>[number];

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
  useQuery({ queryKey: learningKeys.modules, queryFn: () => api.learning.modules() });

export const useModule = (valueKey: ValueKey) =>
  useQuery({
    queryKey: learningKeys.module(valueKey),
    queryFn: () => api.learning.module({ params: { valueKey } }),
  });

export const useProgress = () =>
  useQuery({ queryKey: learningKeys.progress, queryFn: () => api.learning.progress() });

export const useOwnAnswers = () =>
  useQuery({ queryKey: ['learning', 'answers'], queryFn: () => api.learning.answers() });
