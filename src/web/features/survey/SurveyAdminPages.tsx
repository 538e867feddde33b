import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import './survey.css';
import { standardDemographics } from '../../../shared/survey-demographics';

type Option = { nl: string; en: string };
type Kind = 'agree5' | 'scale10' | 'single' | 'multi' | 'text';
type Item = {
  id: number;
  sectionId: number;
  itemKey: string;
  kind: Kind;
  textNl: string;
  textEn: string;
  options: Option[];
  valueKey: string | null;
  objective: number | null;
  outcome: boolean;
  required: boolean;
};
type Section = { id: number; titleNl: string; titleEn: string; items: Item[] };
type QuestionnaireSummary = {
  id: number;
  standardKey: string | null;
  titleNl: string;
  titleEn: string;
  itemCount: number;
  waveCount: number;
};
type Questionnaire = QuestionnaireSummary & { editable: boolean; descriptionNl: string; sections: Section[] };
type Wave = {
  id: number;
  questionnaireId: number;
  questionnaireTitleNl: string;
  titleNl: string;
  titleEn: string;
  status: 'draft' | 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  minGroupSize: number;
  invited: number;
  answered: number | null;
};
type WaveDetail = Wave & {
  targets: { unitId: number; nameNl: string }[];
  demographics: { key: string; labelNl: string; minGroupSize: number }[];
  itemCount: number;
  reminders: { lastSentAt: string | null; rounds: number };
};
type Participation = {
  k: number;
  units: {
    unitId: number;
    nameNl: string;
    depth: number;
    invited: number | null;
    answered: number | null;
    rate: number | null;
  }[];
};
type Unit = { id: number; kind: string; nameNl: string; depth: number; headcount: number };

const KINDS: Kind[] = ['agree5', 'scale10', 'single', 'multi', 'text'];
const VALUES = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'];
const ADMIN_SURVEYS = paths.adminSurvey;
const questionnaireHref = (id: number) => `${ADMIN_SURVEYS}/vragenlijsten/${id}`;
const waveHref = (id: number) => `${ADMIN_SURVEYS}/${id}`;

function Frame({ title, children, parent }: { title: string; children: React.ReactNode; parent?: boolean }) {
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

const formValues = (event: FormEvent<HTMLFormElement>) => new FormData(event.currentTarget);
const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.issues.length > 0)
    return (
      <Alert tone="error" title={error.message}>
        <ul>
          {error.issues.map((issue) => (
            <li key={issue.path}>{issue.message}</li>
          ))}
        </ul>
      </Alert>
    );
  return <ErrorAlert error={error} />;
}

/** Overview: questionnaires (the standard module first) and waves, with forms to start new ones. */
export function SurveyAdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const questionnaires = useQuery({
    queryKey: ['survey-admin', 'questionnaires'],
    queryFn: () => api.get<{ items: QuestionnaireSummary[] }>('/api/survey/admin/questionnaires'),
  });
  const waves = useQuery({
    queryKey: ['survey-admin', 'waves'],
    queryFn: () => api.get<{ items: Wave[] }>('/api/survey/admin/waves'),
  });
  const units = useQuery({ queryKey: ['org', 'units'], queryFn: () => api.get<Unit[]>('/api/org/units') });
  const createQuestionnaire = useMutation({
    mutationFn: (body: unknown) => api.post<Questionnaire>('/api/survey/admin/questionnaires', body),
    onSuccess: (q) => navigate(questionnaireHref(q.id)),
  });
  const createWave = useMutation({
    mutationFn: (body: unknown) => api.post<WaveDetail>('/api/survey/admin/waves', body),
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
                  targetUnitIds: form.getAll('target').map(Number),
                  demographics: form.get('demographics') ? standardDemographics : [],
                });
              }}
            >
              <h3 id="new-wave">{t('survey.admin.newWave')}</h3>
              <FormError error={createWave.error} />
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
              <fieldset>
                <legend>{t('survey.admin.targets')}</legend>
                <QueryState query={units}>
                  {(list) => (
                    <div className="survey-admin-targets">
                      {list
                        .filter((unit) => unit.kind === 'policy_domain' || unit.kind === 'entity')
                        .map((unit) => (
                          <label key={unit.id} style={{ paddingLeft: `${unit.depth}rem`, fontWeight: 400 }}>
                            <span>
                              <input type="checkbox" name="target" value={unit.id} /> {unit.nameNl} (
                              {unit.headcount})
                            </span>
                          </label>
                        ))}
                    </div>
                  )}
                </QueryState>
              </fieldset>
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

/** Compose a questionnaire: sections and items, added, edited, moved and removed. */
export function QuestionnaireEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['survey-admin', 'questionnaire', id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<Questionnaire>(`/api/survey/admin/questionnaires/${encodeURIComponent(id)}`),
  });
  const [status, setStatus] = useState('');
  const change = useMutation({
    mutationFn: ({
      method,
      url,
      body,
    }: {
      method: 'post' | 'patch' | 'put' | 'delete';
      url: string;
      body?: unknown;
    }) => (method === 'delete' ? api.delete<Questionnaire>(url) : api[method]<Questionnaire>(url, body)),
    onSuccess: (q, variables) => {
      client.setQueryData(key, q);
      void client.invalidateQueries({ queryKey: ['survey-admin', 'questionnaires'] });
      setStatus(t(`survey.admin.done.${variables.method}`));
    },
  });

  return (
    <QueryState query={query}>
      {(q) => {
        const move = (sectionIndex: number, itemIndex: number, delta: number) => {
          const order = q.sections.map((s) => ({ id: s.id, items: s.items.map((i) => i.id) }));
          const flat = order.flatMap((s, si) => s.items.map((itemId) => ({ si, itemId })));
          const position = flat.findIndex((e) => e.itemId === q.sections[sectionIndex]!.items[itemIndex]!.id);
          const target = position + delta;
          if (target < 0 || target >= flat.length) return;
          const a = flat[position]!;
          const b = flat[target]!;
          if (a.si === b.si) {
            const items = order[a.si]!.items;
            const ia = items.indexOf(a.itemId);
            const ib = items.indexOf(b.itemId);
            [items[ia], items[ib]] = [items[ib]!, items[ia]!];
          } else {
            // Across a section boundary: the item moves into the neighbouring section.
            order[a.si]!.items = order[a.si]!.items.filter((i) => i !== a.itemId);
            if (delta > 0) order[b.si]!.items.unshift(a.itemId);
            else order[b.si]!.items.push(a.itemId);
          }
          change.mutate({
            method: 'put',
            url: `/api/survey/admin/questionnaires/${q.id}/order`,
            body: { sections: order },
          });
        };
        return (
          <Frame title={q.titleNl} parent>
            {q.editable ? null : <Alert tone="info">{t('survey.admin.readOnly')}</Alert>}
            <p>{q.descriptionNl}</p>
            <p role="status" className="survey-answer__saved">
              {status}
            </p>
            <FormError error={change.error} />
            {q.sections.map((section, sectionIndex) => (
              <section key={section.id} className="survey-section" aria-labelledby={`s-${section.id}`}>
                <h2 id={`s-${section.id}`}>{section.titleNl}</h2>
                {section.titleEn ? <p lang="en">{section.titleEn}</p> : null}
                {q.editable ? (
                  <div className="survey-admin-actions">
                    <Button
                      variant="secondary"
                      onPress={() => {
                        const next = window.prompt(t('survey.admin.renameSectionPrompt'), section.titleNl);
                        if (next?.trim())
                          change.mutate({
                            method: 'patch',
                            url: `/api/survey/admin/sections/${section.id}`,
                            body: { titleNl: next },
                          });
                      }}
                      aria-label={t('survey.admin.renameSection', { title: section.titleNl })}
                    >
                      {t('survey.admin.rename')}
                    </Button>
                    <Button
                      variant="danger"
                      onPress={() => {
                        if (
                          window.confirm(t('survey.admin.deleteSectionConfirm', { title: section.titleNl }))
                        )
                          change.mutate({
                            method: 'delete',
                            url: `/api/survey/admin/sections/${section.id}`,
                          });
                      }}
                      aria-label={t('survey.admin.deleteSection', { title: section.titleNl })}
                    >
                      {t('survey.admin.delete')}
                    </Button>
                  </div>
                ) : null}
                {section.items.map((item, itemIndex) => (
                  <div key={item.id} className="survey-admin-item">
                    <div>
                      <p>{item.textNl}</p>
                      {item.textEn ? <p lang="en">{item.textEn}</p> : null}
                      <p className="survey-admin-item__tags">
                        {t(`survey.admin.kinds.${item.kind}`)} · {item.itemKey}
                        {item.valueKey ? ` · ${item.valueKey}` : ''}
                        {item.objective ? ` · ${t('survey.admin.objectiveN', { n: item.objective })}` : ''}
                        {item.outcome ? ` · ${t('survey.admin.outcome')}` : ''}
                        {item.options.length ? ` · ${item.options.map((o) => o.nl).join(' / ')}` : ''}
                      </p>
                    </div>
                    {q.editable ? (
                      <div className="survey-admin-actions">
                        <Button
                          variant="quiet"
                          onPress={() => move(sectionIndex, itemIndex, -1)}
                          aria-label={t('survey.admin.moveUpItem', { text: item.textNl })}
                        >
                          ↑
                        </Button>
                        <Button
                          variant="quiet"
                          onPress={() => move(sectionIndex, itemIndex, 1)}
                          aria-label={t('survey.admin.moveDownItem', { text: item.textNl })}
                        >
                          ↓
                        </Button>
                        <Button
                          variant="quiet"
                          onPress={() => {
                            const next = window.prompt(t('survey.admin.editText'), item.textNl);
                            if (next?.trim())
                              change.mutate({
                                method: 'patch',
                                url: `/api/survey/admin/items/${item.id}`,
                                body: { textNl: next },
                              });
                          }}
                          aria-label={t('survey.admin.editItem', { text: item.textNl })}
                        >
                          {t('survey.admin.edit')}
                        </Button>
                        <Button
                          variant="danger"
                          onPress={() =>
                            change.mutate({ method: 'delete', url: `/api/survey/admin/items/${item.id}` })
                          }
                          aria-label={t('survey.admin.deleteItem', { text: item.textNl })}
                        >
                          {t('survey.admin.delete')}
                        </Button>
                      </div>
                    ) : null}
                  </div>
                ))}
                {q.editable ? (
                  <ItemForm
                    sectionId={section.id}
                    onAdd={(body) =>
                      change.mutate({
                        method: 'post',
                        url: `/api/survey/admin/sections/${section.id}/items`,
                        body,
                      })
                    }
                  />
                ) : null}
              </section>
            ))}
            {q.editable ? (
              <>
                <form
                  className="survey-admin-form"
                  aria-labelledby="new-section"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const data = formValues(event);
                    change.mutate({
                      method: 'post',
                      url: `/api/survey/admin/questionnaires/${q.id}/sections`,
                      body: { titleNl: text(data, 'titleNl'), titleEn: text(data, 'titleEn') },
                    });
                    event.currentTarget.reset();
                  }}
                >
                  <h2 id="new-section">{t('survey.admin.newSection')}</h2>
                  <label>
                    {t('survey.admin.titleNl')}
                    <input name="titleNl" required maxLength={200} />
                  </label>
                  <label>
                    {t('survey.admin.titleEn')}
                    <input name="titleEn" maxLength={200} />
                  </label>
                  <div>
                    <Button type="submit">{t('survey.admin.addSection')}</Button>
                  </div>
                </form>
                <IncludeForm
                  questionnaireId={q.id}
                  onInclude={(sourceId) =>
                    change.mutate({
                      method: 'post',
                      url: `/api/survey/admin/questionnaires/${q.id}/include`,
                      body: { sourceId },
                    })
                  }
                />
              </>
            ) : null}
          </Frame>
        );
      }}
    </QueryState>
  );
}

function IncludeForm({
  questionnaireId,
  onInclude,
}: {
  questionnaireId: number;
  onInclude: (id: number) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['survey-admin', 'questionnaires'],
    queryFn: () => api.get<{ items: QuestionnaireSummary[] }>('/api/survey/admin/questionnaires'),
  });
  const others = (list.data?.items ?? []).filter((q) => q.id !== questionnaireId);
  if (others.length === 0) return null;
  return (
    <form
      className="survey-admin-form"
      aria-labelledby="include"
      onSubmit={(event) => {
        event.preventDefault();
        onInclude(Number(formValues(event).get('sourceId')));
      }}
    >
      <h2 id="include">{t('survey.admin.include')}</h2>
      <label>
        {t('survey.admin.questionnaire')}
        <select name="sourceId">
          {others.map((q) => (
            <option key={q.id} value={q.id}>
              {q.titleNl}
            </option>
          ))}
        </select>
      </label>
      <div>
        <Button type="submit">{t('survey.admin.includeButton')}</Button>
      </div>
    </form>
  );
}

function ItemForm({ sectionId, onAdd }: { sectionId: number; onAdd: (body: unknown) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('agree5');
  const choice = kind === 'single' || kind === 'multi';
  return (
    <details>
      <summary>{t('survey.admin.addItem')}</summary>
      <form
        className="survey-admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          const data = formValues(event);
          const options = text(data, 'options')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const [nl, en = ''] = line.split('|').map((part) => part.trim());
              return { nl, en };
            });
          onAdd({
            kind,
            textNl: text(data, 'textNl'),
            textEn: text(data, 'textEn'),
            options: choice ? options : [],
            valueKey: text(data, 'valueKey') || null,
            objective: Number(data.get('objective')) || null,
            outcome: data.get('outcome') === '1',
            required: data.get('required') === '1',
          });
          event.currentTarget.reset();
        }}
      >
        <label>
          {t('survey.admin.kind')}
          <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`survey.admin.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('survey.admin.textNl')}
          <textarea name="textNl" required maxLength={1000} rows={2} />
        </label>
        <label>
          {t('survey.admin.textEn')}
          <textarea name="textEn" maxLength={1000} rows={2} />
        </label>
        {choice ? (
          <label>
            {t('survey.admin.options')}
            <textarea name="options" rows={4} aria-describedby={`options-hint-${sectionId}`} />
            <span id={`options-hint-${sectionId}`} className="survey-admin-item__tags">
              {t('survey.admin.optionsHint')}
            </span>
          </label>
        ) : null}
        <label>
          {t('survey.admin.value')}
          <select name="valueKey" defaultValue="">
            <option value="">—</option>
            {VALUES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('survey.admin.objective')}
          <select name="objective" defaultValue="">
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {t('survey.admin.objectiveN', { n })}
              </option>
            ))}
          </select>
        </label>
        <label style={{ fontWeight: 400 }}>
          <span>
            <input type="checkbox" name="outcome" value="1" /> {t('survey.admin.outcomeLabel')}
          </span>
        </label>
        <label style={{ fontWeight: 400 }}>
          <span>
            <input type="checkbox" name="required" value="1" /> {t('survey.admin.requiredLabel')}
          </span>
        </label>
        <div>
          <Button type="submit">{t('survey.admin.addItem')}</Button>
        </div>
      </form>
    </details>
  );
}

/** One wave: launch, participation while it runs, reminders, close. */
export function WaveAdminPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['survey-admin', 'wave', id];
  const wave = useQuery({
    queryKey: key,
    queryFn: () => api.get<WaveDetail>(`/api/survey/admin/waves/${encodeURIComponent(id)}`),
  });
  const participation = useQuery({
    queryKey: ['survey-admin', 'participation', id],
    queryFn: () => api.get<Participation>(`/api/survey/admin/waves/${encodeURIComponent(id)}/participation`),
    enabled: wave.data !== undefined && wave.data.status !== 'draft',
  });
  const [message, setMessage] = useState('');
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/survey/admin/waves/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      navigate(ADMIN_SURVEYS);
    },
  });
  const edit = useMutation({
    mutationFn: (body: unknown) =>
      api.patch<WaveDetail>(`/api/survey/admin/waves/${encodeURIComponent(id)}`, body),
    onSuccess: (next) => {
      client.setQueryData(key, next);
      setMessage(t('survey.admin.done.patch'));
    },
  });
  const action = useMutation({
    mutationFn: (what: 'launch' | 'close' | 'remind') =>
      api.post<WaveDetail | { queued: number }>(`/api/survey/admin/waves/${encodeURIComponent(id)}/${what}`),
    onSuccess: (result, what) => {
      void client.invalidateQueries({ queryKey: ['survey-admin'] });
      setMessage(
        what === 'remind'
          ? t('survey.admin.reminded', { count: (result as { queued: number }).queued })
          : t(`survey.admin.${what}ed`),
      );
    },
  });
  return (
    <QueryState query={wave}>
      {(w) => (
        <Frame title={w.titleNl} parent>
          <dl className="facts">
            <dt>{t('survey.admin.statusLabel')}</dt>
            <dd>{t(`survey.admin.status.${w.status}`)}</dd>
            <dt>{t('survey.admin.questionnaire')}</dt>
            <dd>
              <Link to={questionnaireHref(w.questionnaireId)}>{w.questionnaireTitleNl}</Link> (
              {t('survey.admin.itemCount', { count: w.itemCount })})
            </dd>
            <dt>{t('survey.admin.period')}</dt>
            <dd>
              {w.opensOn} – {w.closesOn}
            </dd>
            <dt>{t('survey.admin.targets')}</dt>
            <dd>{w.targets.map((target) => target.nameNl).join(', ') || '—'}</dd>
            <dt>{t('survey.admin.k')}</dt>
            <dd>{w.minGroupSize}</dd>
            {w.demographics.length ? (
              <>
                <dt>{t('survey.admin.demographics')}</dt>
                <dd>{w.demographics.map((d) => `${d.labelNl} (k = ${d.minGroupSize})`).join(', ')}</dd>
              </>
            ) : null}
            {w.status !== 'draft' ? (
              <>
                <dt>{t('survey.admin.participation')}</dt>
                <dd>
                  {t('survey.admin.invitedAnswered', { invited: w.invited, answered: w.answered ?? '—' })}
                </dd>
                <dt>{t('survey.admin.reminders')}</dt>
                <dd>
                  {w.reminders.lastSentAt
                    ? t('survey.admin.remindersSent', {
                        count: w.reminders.rounds,
                        at: w.reminders.lastSentAt.slice(0, 16).replace('T', ' '),
                      })
                    : '—'}
                </dd>
              </>
            ) : null}
          </dl>
          <p role="status">{message}</p>
          <FormError error={action.error ?? edit.error ?? remove.error} />
          <div className="survey-admin-actions">
            {w.status === 'draft' ? (
              <>
                <Button onPress={() => action.mutate('launch')} isDisabled={action.isPending}>
                  {t('survey.admin.launch')}
                </Button>
                <Button variant="danger" onPress={() => remove.mutate()} isDisabled={remove.isPending}>
                  {t('survey.admin.deleteWave')}
                </Button>
              </>
            ) : null}
            {w.status !== 'closed' ? (
              <Button
                variant="secondary"
                onPress={() => {
                  const next = window.prompt(t('survey.admin.closesOnPrompt'), w.closesOn);
                  if (next?.trim()) edit.mutate({ closesOn: next.trim() });
                }}
              >
                {t('survey.admin.changeClosesOn')}
              </Button>
            ) : null}
            {w.status === 'open' ? (
              <>
                <Button
                  variant="secondary"
                  onPress={() => action.mutate('remind')}
                  isDisabled={action.isPending}
                >
                  {t('survey.admin.remind')}
                </Button>
                <Button variant="danger" onPress={() => action.mutate('close')} isDisabled={action.isPending}>
                  {t('survey.admin.close')}
                </Button>
              </>
            ) : null}
          </div>
          {w.status === 'draft' ? <p>{t('survey.admin.launchHint')}</p> : null}
          {w.status !== 'draft' ? (
            <>
              <h2>{t('survey.admin.participationPerUnit')}</h2>
              <p>{t('survey.admin.participationHint', { k: w.minGroupSize })}</p>
              <QueryState query={participation}>
                {(p) => (
                  <div className="table-wrap">
                    <table className="table">
                      <caption className="visually-hidden">{t('survey.admin.participationPerUnit')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('survey.admin.unit')}</th>
                          <th scope="col">{t('survey.admin.invited')}</th>
                          <th scope="col">{t('survey.admin.answered')}</th>
                          <th scope="col">{t('survey.admin.rate')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.units.map((unit) => (
                          <tr key={unit.unitId}>
                            <th
                              scope="row"
                              style={{ paddingLeft: `${unit.depth * 0.75}rem`, fontWeight: 400 }}
                            >
                              {unit.nameNl}
                            </th>
                            <td>{unit.invited ?? t('survey.admin.hidden')}</td>
                            <td>{unit.answered ?? t('survey.admin.hidden')}</td>
                            <td>{unit.rate === null ? '—' : `${Math.round(unit.rate * 100)}%`}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </QueryState>
            </>
          ) : null}
        </Frame>
      )}
    </QueryState>
  );
}
