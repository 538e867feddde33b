import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { standardDemographics } from '../../../../shared/survey-demographics';
import { api } from '../../../app/api';
import { paths } from '../../../app/paths';
import { QueryState } from '../../../ui/QueryState';
import { OpenForm } from '../SurveyAnswerPage';
import '../survey.css';
import type { Questionnaire } from './shared';

/** A closing date a fortnight ahead, as an invitation would show it. */
function inTwoWeeks(): string {
  const date = new Date(Date.now() + 14 * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The questionnaire as the respondent's form: the same component, fed from the questionnaire itself. */
function asForm(q: Questionnaire, waveTitle: string) {
  const today = new Date().toISOString().slice(0, 10);
  return {
    status: 'open' as const,
    wave: { titleNl: waveTitle, titleEn: waveTitle, opensOn: today, closesOn: inTwoWeeks() },
    language: 'nl' as const,
    sections: q.sections.map((section) => ({
      position: section.position,
      titleNl: section.titleNl,
      titleEn: section.titleEn,
      introNl: section.introNl,
      introEn: section.introEn,
      items: section.items.map(({ id, kind, textNl, textEn, options, required }) => ({
        id,
        kind,
        textNl,
        textEn,
        options,
        required,
      })),
    })),
    demographics: standardDemographics.map(({ key, labelNl, labelEn, options }) => ({
      key,
      labelNl,
      labelEn,
      options,
    })),
    draft: null,
  };
}

export function QuestionnairePreviewPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const en = i18n.language === 'en';
  const pick = (nl: string, english: string) => (en && english ? english : nl);
  const query = useQuery({
    queryKey: ['survey-admin', 'questionnaire', id],
    queryFn: () => api.survey.questionnaire({ params: { id } }),
  });
  return (
    <QueryState query={query}>
      {(q) => (
        <>
          <p>
            <Link to={`${paths.adminSurvey}/vragenlijsten/${q.id}`}>{t('survey.preview.back')}</Link>
          </p>
          <OpenForm
            token={null}
            form={asForm(q, t('survey.preview.waveTitle'))}
            title={t('survey.preview.title', { title: pick(q.titleNl, q.titleEn) })}
            pick={pick}
          />
        </>
      )}
    </QueryState>
  );
}
