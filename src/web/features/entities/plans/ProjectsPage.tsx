import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import { PlansNav, type Project } from './shared';

/** /actieplan/projecten (programme admin): government-wide projects and who takes part. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState<Project | null>(null);
  const [formKey, setFormKey] = useState(0);
  const projects = useQuery({
    queryKey: ['entities', 'projects'],
    queryFn: () => api.entitiesPlans.projects(),
  });
  return (
    <>
      <PageTitle>{t('entitiesPlans.projects.title')}</PageTitle>
      <PlansNav />
      <p className="lead">{t('entitiesPlans.projects.lead')}</p>
      <QueryState query={projects}>
        {(data) => (
          <>
            {data.length === 0 ? <p>{t('entitiesPlans.projects.none')}</p> : null}
            <ul className="ent-list">
              {data.map((p) => (
                <li key={p.id}>
                  <article className="ent-card" aria-label={pick(locale, p.titleNl, p.titleEn)}>
                    <h2 className="h3">{pick(locale, p.titleNl, p.titleEn)}</h2>
                    {p.active ? null : <p className="ent-tag">{t('entitiesPlans.projects.inactive')}</p>}
                    <p>{pick(locale, p.descriptionNl, p.descriptionEn)}</p>
                    <p className="muted">
                      {p.initiatives === 0
                        ? t('entitiesPlans.projects.noParticipants')
                        : t('entitiesPlans.projects.participants', {
                            count: p.initiatives,
                            entities: p.entities.map((e) => pick(locale, e.nameNl, e.nameEn)).join(', '),
                          })}
                    </p>
                    <Button
                      variant="secondary"
                      aria-label={`${t('entitiesPlans.projects.edit')}: ${pick(locale, p.titleNl, p.titleEn)}`}
                      onPress={() => {
                        setEditing(p);
                        setFormKey((k) => k + 1);
                      }}
                    >
                      {t('entitiesPlans.projects.edit')}
                    </Button>
                  </article>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
      <ProjectForm
        key={formKey}
        editing={editing}
        onDone={() => {
          setEditing(null);
          setFormKey((k) => k + 1);
        }}
      />
    </>
  );
}

function ProjectForm({ editing, onDone }: { editing: Project | null; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [titleNl, setTitleNl] = useState(editing?.titleNl ?? '');
  const [titleEn, setTitleEn] = useState(editing?.titleEn ?? '');
  const [descriptionNl, setDescriptionNl] = useState(editing?.descriptionNl ?? '');
  const [descriptionEn, setDescriptionEn] = useState(editing?.descriptionEn ?? '');
  const [active, setActive] = useState(editing?.active ?? true);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        titleNl,
        titleEn: titleEn.trim() || null,
        descriptionNl,
        descriptionEn: descriptionEn.trim() || null,
        active,
      };
      return editing
        ? api.entitiesPlans.updateProject({ params: { id: editing.id }, body })
        : api.entitiesPlans.createProject({ body });
    },
    onSuccess: async () => {
      toast.show(t('entitiesPlans.projects.saved'));
      await queryClient.invalidateQueries({ queryKey: ['entities', 'projects'] });
      onDone();
    },
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const errors = serverError?.fieldErrors() ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="ent-card">
      <h2 id={`${id}-heading`}>
        {editing ? t('entitiesPlans.projects.edit') : t('entitiesPlans.projects.new')}
      </h2>
      <Form onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="form">
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <div className="ent-grid-2">
          <TextField
            name="titleNl"
            label={t('entitiesPlans.projects.titleNl')}
            value={titleNl}
            onChange={setTitleNl}
            isRequired
            errorMessage={errors.titleNl}
          />
          <TextField
            name="titleEn"
            label={t('entitiesPlans.projects.titleEn')}
            value={titleEn}
            onChange={setTitleEn}
            errorMessage={errors.titleEn}
          />
        </div>
        <TextField
          name="descriptionNl"
          label={t('entitiesPlans.projects.descriptionNl')}
          value={descriptionNl}
          onChange={setDescriptionNl}
          multiline
          rows={3}
          errorMessage={errors.descriptionNl}
        />
        <TextField
          name="descriptionEn"
          label={t('entitiesPlans.projects.descriptionEn')}
          value={descriptionEn}
          onChange={setDescriptionEn}
          multiline
          rows={3}
          errorMessage={errors.descriptionEn}
        />
        <label className="ent-options">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          {t('entitiesPlans.projects.active')}
        </label>
        <div className="ent-actions">
          <Button type="submit" isPending={save.isPending}>
            {t('entitiesPlans.form.save')}
          </Button>
          {editing ? (
            <Button variant="secondary" onPress={onDone}>
              {t('entitiesPlans.form.cancel')}
            </Button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
