import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { standardDemographics } from '../../../../shared/survey-demographics';
import { api } from '../../../app/api';
import { Button } from '../../../ui/Button';
import { FormError, fieldErrorsOf, formValues, formText as text } from '../../../ui/form';
import { QueryState } from '../../../ui/QueryState';
import '../survey.css';
import { TargetPicker } from '../TargetPicker';
import { Frame, type NewQuestionnaire, type NewWave, questionnaireHref, waveHref } from './shared';

/** Overview: questionnaires (the standard module first) and waves, with forms to start new ones. */
export function SurveyAdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const questionnaires = useQuery({
    queryKey: ['survey-admin', 'questionnaires'],
    queryFn: () => api.survey.questionnaires(),
  });
  const waves = useQuery({
    queryKey: ['survey-admin', 'waves'],
    queryFn: () => api.survey.waves(),
  });
  const units = useQuery({ queryKey: ['org', 'units'], queryFn: () => api.org.units() });
  const [targets, setTargets] = useState<number[]>([]);
  const createQuestionnaire = useMutation({
    mutationFn: (body: NewQuestionnaire) => api.survey.createQuestionnaire({ body }),
    onSuccess: (q) => navigate(questionnaireHref(q.id)),
  });
  const createWave = useMutation({
    mutationFn: (body: NewWave) => api.survey.createWave({ body }),
    onSuccess: (w) => navigate(waveHref(w.id)),
  });

  return (
    <Frame title={t('survey.admin.title')}>
      <p className="lead">{t('survey.admin.lead')}</p>
      <h2>{t('survey.admin.waves')}</h2>
      <QueryState query={waves}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('survey.admin.noWaves')}</p>
          ) : (
            <ul className="survey-admin-list">
              {data.items.map((wave) => (
                <li key={wave.id}>
                  <Link to={waveHref(wave.id)}>{wave.titleNl}</Link>{' '}
                  <span className="survey-admin-item__tags">
                    {t(`survey.admin.status.${wave.status}`)} · {wave.opensOn} – {wave.closesOn} ·{' '}
                    {t('survey.admin.invitedAnswered', {
                      invited: wave.invited,
                      answered: wave.answered ?? '—',
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>

      <h2>{t('survey.admin.questionnaires')}</h2>
      <QueryState query={questionnaires}>
        {(data) => (
          <>
            <ul className="survey-admin-list">
              {data.items.map((q) => (
                <li key={q.id}>
                  <Link to={questionnaireHref(q.id)}>{q.titleNl}</Link>{' '}
                  <span className="survey-admin-item__tags">
                    {q.standardKey ? `${t('survey.admin.standard')} · ` : ''}
                    {t('survey.admin.itemCount', { count: q.itemCount })}
                  </span>
                </li>
              ))}
            </ul>
            <form
              className="survey-admin-form"
              aria-labelledby="new-questionnaire"
              onSubmit={(event) => {
                event.preventDefault();
                const data = formValues(event);
                const copyOf = Number(data.get('copyOf'));
                createQuestionnaire.mutate({
                  titleNl: text(data, 'titleNl'),
                  titleEn: text(data, 'titleEn'),
                  ...(copyOf ? { copyOf } : {}),
                });
              }}
            >
              <h3 id="new-questionnaire">{t('survey.admin.newQuestionnaire')}</h3>
              <FormError error={createQuestionnaire.error} />
              <label>
                {t('survey.admin.titleNl')}
                <input name="titleNl" required maxLength={200} />
              </label>
              <label>
                {t('survey.admin.titleEn')}
                <input name="titleEn" maxLength={200} />
              </label>
              <label>
                {t('survey.admin.startFrom')}
                <select name="copyOf" defaultValue="">
                  <option value="">{t('survey.admin.empty')}</option>
                  {data.items.map((q) => (
                    <option key={q.id} value={q.id}>
                      {t('survey.admin.copyOf', { title: q.titleNl })}
                    </option>
                  ))}
                </select>
              </label>
              <div>
                <Button type="submit" isDisabled={createQuestionnaire.isPending}>
                  {t('survey.admin.create')}
                </Button>
              </div>
            </form>

            <form
              className="survey-admin-form"
              aria-labelledby="new-wave"
              onSubmit={(event) => {
                event.preventDefault();
                const form = formValues(event);
                createWave.mutate({
                  questionnaireId: Number(form.get('questionnaireId')),
                  titleNl: text(form, 'titleNl'),
                  titleEn: text(form, 'titleEn'),
                  opensOn: text(form, 'opensOn'),
                  closesOn: text(form, 'closesOn'),
                  minGroupSize: Number(form.get('minGroupSize') || 5),
                  targetUnitIds: targets,
                  demographics: form.get('demographics') ? standardDemographics : [],
                });
              }}
            >
              <h3 id="new-wave">{t('survey.admin.newWave')}</h3>
              <FormError error={createWave.error} shownFields={['targetUnitIds']} />
              <label>
                {t('survey.admin.questionnaire')}
                <select name="questionnaireId">
                  {data.items.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.titleNl}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('survey.admin.titleNl')}
                <input name="titleNl" required maxLength={200} />
              </label>
              <label>
                {t('survey.admin.titleEn')}
                <input name="titleEn" maxLength={200} />
              </label>
              <label>
                {t('survey.admin.opensOn')}
                <input name="opensOn" type="date" required />
              </label>
              <label>
                {t('survey.admin.closesOn')}
                <input name="closesOn" type="date" required />
              </label>
              <label>
                {t('survey.admin.k')}
                <input name="minGroupSize" type="number" min={3} max={100} defaultValue={5} />
              </label>
              <QueryState query={units}>
                {(list) => (
                  <TargetPicker
                    units={list}
                    selected={targets}
                    onChange={setTargets}
                    error={fieldErrorsOf(createWave.error).targetUnitIds}
                  />
                )}
              </QueryState>
              <label style={{ fontWeight: 400 }}>
                <span>
                  <input type="checkbox" name="demographics" value="1" /> {t('survey.admin.addDemographics')}
                </span>
              </label>
              <div>
                <Button type="submit" isDisabled={createWave.isPending}>
                  {t('survey.admin.create')}
                </Button>
              </div>
            </form>
          </>
        )}
      </QueryState>
    </Frame>
  );
}
