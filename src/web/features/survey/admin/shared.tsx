/** What the survey admin pages share: the contract's shapes, their addresses, the page frame and form buttons. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteInput, RouteOutput } from '../../../../shared/api/contract';
import type { surveyApi } from '../../../../shared/api/survey';
import { paths } from '../../../app/paths';
import { Breadcrumbs } from '../../../ui/Breadcrumbs';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';

type Routes = typeof surveyApi.routes;

export type QuestionnaireSummary = RouteOutput<Routes['questionnaires']>['items'][number];
export type Questionnaire = RouteOutput<Routes['questionnaire']>;
export type Section = Questionnaire['sections'][number];
export type Item = Section['items'][number];
export type Option = Item['options'][number];
export type Kind = Item['kind'];
export type WaveDetail = RouteOutput<Routes['wave']>;
export type NewQuestionnaire = RouteInput<Routes['createQuestionnaire']>['body'];
export type NewWave = RouteInput<Routes['createWave']>['body'];
/** What the section form submits: every field of a new section. */
export type SectionFields = Required<RouteInput<Routes['addSection']>['body']>;
/** What the item form submits: every field of a new item but its key, which the server makes. */
export type ItemFields = Omit<Required<RouteInput<Routes['addItem']>['body']>, 'itemKey' | 'options'> & {
  options: Option[];
};

/** What the add-or-edit-in-place forms (section, item) take: `initial` set means editing. */
export type InPlaceFormProps<T> = {
  idPrefix: string;
  heading: string;
  initial?: T;
  submitLabel: string;
  onSubmit: (body: T) => Promise<unknown>;
  onCancel?: () => void;
  error: unknown;
  pending: boolean;
};

export const ADMIN_SURVEYS = paths.adminSurvey;
export const questionnaireHref = (id: number) => `${ADMIN_SURVEYS}/vragenlijsten/${id}`;
export const waveHref = (id: number) => `${ADMIN_SURVEYS}/${id}`;

/** The admin breadcrumbs and the page title. */
export function Frame({ title, children, parent }: { title: string; children: ReactNode; parent?: boolean }) {
  const { t } = useTranslation();
  const crumbs: { href: string; label: string }[] = [{ href: paths.admin, label: t('web.admin.title') }];
  if (parent) crumbs.push({ href: ADMIN_SURVEYS, label: t('survey.admin.title') });
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: title }]} />
      <PageTitle>{title}</PageTitle>
      {children}
    </>
  );
}

/** Submit, and Cancel for a form that can be closed. */
export function FormButtons({
  submitLabel,
  pending,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="survey-admin-actions">
      <Button type="submit" isDisabled={pending}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button variant="secondary" onPress={onCancel}>
          {t('survey.admin.cancel')}
        </Button>
      ) : null}
    </div>
  );
}
