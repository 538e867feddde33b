import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { ImagePicker } from './ImagePicker';
import {
  type AuthoringModule,
  type AuthoringStep,
  isValueKey,
  learningKeys,
  type ValueKey,
  valueKeys,
} from './learning-api';
import './learning.css';

const emptyStep = (): AuthoringStep => ({
  titleNl: '',
  titleEn: '',
  bodyNl: '',
  bodyEn: '',
  imageUrl: null,
  imageAltNl: '',
  imageAltEn: '',
  videoUrl: null,
});

/** /beheer/leren — programme admins write the learning modules, one per value, in Dutch and English. */
export function LearningAdminPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const valueParam = params.get('waarde');
  const selected: ValueKey = isValueKey(valueParam) ? valueParam : 'openheid';
  const modules = useQuery({
    queryKey: learningKeys.authoring,
    queryFn: () => api.learning.authoringModules(),
  });

  return (
    <>
      <Breadcrumbs
        items={[{ href: paths.admin, label: t('web.nav.admin') }, { label: t('learning.admin.title') }]}
      />
      <PageTitle>{t('learning.admin.title')}</PageTitle>
      <p className="lead">{t('learning.admin.lead')}</p>
      <QueryState query={modules}>
        {(list) => (
          <>
            <nav aria-label={t('learning.admin.modulesNav')}>
              <ul className="learning-level-nav">
                {valueKeys.map((key) => {
                  const module = list.find((m) => m.valueKey === key);
                  return (
                    <li key={key}>
                      <Link
                        className="btn btn--secondary btn--small"
                        to={`${paths.adminLearning}?waarde=${key}`}
                        aria-current={key === selected ? 'page' : undefined}
                      >
                        {t(`learning.values.${key}`)}
                        {module?.exists ? '' : ` (${t('learning.admin.missing')})`}
                        {module?.exists && !module.published ? ` (${t('learning.home.unpublished')})` : ''}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <ModuleEditor key={selected} module={list.find((m) => m.valueKey === selected)!} />
          </>
        )}
      </QueryState>
    </>
  );
}

function ModuleEditor({ module }: { module: AuthoringModule }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    titleNl: module.titleNl,
    titleEn: module.titleEn,
    introNl: module.introNl,
    introEn: module.introEn,
    published: module.exists ? module.published : false,
    steps: module.steps.length > 0 ? module.steps : [emptyStep()],
  });

  const save = useMutation({
    mutationFn: (body: typeof draft) =>
      api.learning.saveModule({ params: { valueKey: module.valueKey }, body }),
    onSuccess: async () => {
      toast.show(t('learning.admin.saved'));
      await queryClient.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  const setStep = (index: number, patch: Partial<AuthoringStep>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const moveStep = (index: number, delta: number) =>
    setDraft((d) => {
      const steps = [...d.steps];
      const [step] = steps.splice(index, 1);
      steps.splice(index + delta, 0, step!);
      return { ...d, steps };
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...draft,
      steps: draft.steps.map((s) => ({ ...s, imageUrl: s.imageUrl || null, videoUrl: s.videoUrl || null })),
    });
  };

  const valueName = t(`learning.values.${module.valueKey}`);
  return (
    <section aria-labelledby="learning-editor" className="section">
      <h2 id="learning-editor">{t('learning.admin.editorHeading', { value: valueName })}</h2>
      {module.updatedAt ? (
        <p className="muted">{t('learning.admin.updatedAt', { date: formatDateTime(module.updatedAt) })}</p>
      ) : null}
      <Form onSubmit={submit} validationBehavior="aria" className="form">
        <div className="learning-two-columns">
          <TextField
            label={t('learning.admin.titleNl')}
            value={draft.titleNl}
            onChange={(v) => setDraft({ ...draft, titleNl: v })}
            isRequired
            maxLength={160}
            errorMessage={errors.titleNl}
          />
          <TextField
            label={t('learning.admin.titleEn')}
            value={draft.titleEn}
            onChange={(v) => setDraft({ ...draft, titleEn: v })}
            isRequired
            maxLength={160}
            errorMessage={errors.titleEn}
          />
          <TextField
            label={t('learning.admin.introNl')}
            multiline
            rows={3}
            value={draft.introNl}
            onChange={(v) => setDraft({ ...draft, introNl: v })}
            maxLength={1000}
            errorMessage={errors.introNl}
          />
          <TextField
            label={t('learning.admin.introEn')}
            multiline
            rows={3}
            value={draft.introEn}
            onChange={(v) => setDraft({ ...draft, introEn: v })}
            maxLength={1000}
            errorMessage={errors.introEn}
          />
        </div>
        <Checkbox isSelected={draft.published} onChange={(v) => setDraft({ ...draft, published: v })}>
          {t('learning.admin.published')}
        </Checkbox>

        {draft.steps.map((step, index) => {
          const e = (field: string) => errors[`steps.${index}.${field}`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id until saved; the index is their identity here.
            <fieldset key={index} className="learning-step-editor">
              <legend>{t('learning.admin.step', { number: index + 1 })}</legend>
              <div className="learning-two-columns">
                <TextField
                  label={t('learning.admin.stepTitleNl')}
                  value={step.titleNl}
                  onChange={(v) => setStep(index, { titleNl: v })}
                  isRequired
                  maxLength={160}
                  errorMessage={e('titleNl')}
                />
                <TextField
                  label={t('learning.admin.stepTitleEn')}
                  value={step.titleEn}
                  onChange={(v) => setStep(index, { titleEn: v })}
                  isRequired
                  maxLength={160}
                  errorMessage={e('titleEn')}
                />
                <TextField
                  label={t('learning.admin.bodyNl')}
                  description={t('learning.admin.markdownHelp')}
                  multiline
                  rows={10}
                  value={step.bodyNl}
                  onChange={(v) => setStep(index, { bodyNl: v })}
                  isRequired
                  errorMessage={e('bodyNl')}
                />
                <TextField
                  label={t('learning.admin.bodyEn')}
                  description={t('learning.admin.markdownHelp')}
                  multiline
                  rows={10}
                  value={step.bodyEn}
                  onChange={(v) => setStep(index, { bodyEn: v })}
                  isRequired
                  errorMessage={e('bodyEn')}
                />
                <ImagePicker
                  name={`step-${index}-image`}
                  value={step.imageUrl || null}
                  onChange={(url) => setStep(index, { imageUrl: url })}
                  errorMessage={e('imageUrl')}
                />
                <TextField
                  label={t('learning.admin.videoUrl')}
                  description={t('learning.admin.videoHelp')}
                  value={step.videoUrl ?? ''}
                  onChange={(v) => setStep(index, { videoUrl: v })}
                  maxLength={500}
                  errorMessage={e('videoUrl')}
                />
                <TextField
                  label={t('learning.admin.imageAltNl')}
                  value={step.imageAltNl}
                  onChange={(v) => setStep(index, { imageAltNl: v })}
                  maxLength={300}
                  errorMessage={e('imageAltNl')}
                />
                <TextField
                  label={t('learning.admin.imageAltEn')}
                  value={step.imageAltEn}
                  onChange={(v) => setStep(index, { imageAltEn: v })}
                  maxLength={300}
                  errorMessage={e('imageAltEn')}
                />
              </div>
              <div className="button-row">
                <Button
                  variant="secondary"
                  className="btn--small"
                  isDisabled={index === 0}
                  onPress={() => moveStep(index, -1)}
                >
                  {t('learning.admin.moveUp', { number: index + 1 })}
                </Button>
                <Button
                  variant="secondary"
                  className="btn--small"
                  isDisabled={index === draft.steps.length - 1}
                  onPress={() => moveStep(index, 1)}
                >
                  {t('learning.admin.moveDown', { number: index + 1 })}
                </Button>
                <Button
                  variant="danger"
                  className="btn--small"
                  isDisabled={draft.steps.length === 1}
                  onPress={() => setDraft((d) => ({ ...d, steps: d.steps.filter((_, i) => i !== index) }))}
                >
                  {t('learning.admin.removeStep', { number: index + 1 })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div className="button-row">
          <Button
            variant="secondary"
            isDisabled={draft.steps.length >= 12}
            onPress={() => setDraft((d) => ({ ...d, steps: [...d.steps, emptyStep()] }))}
          >
            {t('learning.admin.addStep')}
          </Button>
        </div>
        {save.error ? (
          Object.keys(errors).length > 0 ? (
            <Alert tone="error">{t('learning.admin.fixErrors')}</Alert>
          ) : (
            <ErrorAlert error={save.error} />
          )
        ) : null}
        <div className="form__actions">
          <Button type="submit" isPending={save.isPending}>
            {t('learning.admin.save')}
          </Button>
          <Link className="btn btn--secondary" to={`${paths.learning}/${module.valueKey}`}>
            {t('learning.admin.view')}
          </Link>
        </div>
      </Form>
    </section>
  );
}
