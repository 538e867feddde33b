import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { entitiesProfileApi } from '../../../../shared/api/entities-profile';
import { ApiError, api } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { paths } from '../../../app/paths';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { ContentBody } from '../../public/ContentBody';
import { pick } from '../../public/localized';
import { useValueName, ValueList } from './ValueNames';
import './entities.css';

type Profile = RouteOutput<typeof entitiesProfileApi.routes.get>;
type Ambassador = Profile['ambassadors'][number];

/** /mijn/entiteit/profiel: the coordinator keeps the entity's value profile and publishes it. */
export function ProfileEditorPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useQuery({
    queryKey: ['entities-profile', 'list'],
    queryFn: () => api.entitiesProfile.list(),
  });
  const [entityId, setEntityId] = useState<number | null>(null);
  useEffect(() => {
    if (entityId === null && list.data?.items.length) setEntityId(list.data.items[0]!.entityId);
  }, [list.data, entityId]);
  return (
    <>
      <PageTitle>{t('entities-profile.web.editor.title')}</PageTitle>
      <p className="lead">{t('entities-profile.web.editor.lead')}</p>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Alert tone="info">{t('entities-profile.web.editor.noEntities')}</Alert>
          ) : (
            <>
              {data.items.length > 1 ? (
                <Select
                  label={t('entities-profile.web.editor.entity')}
                  options={data.items.map((item) => ({
                    id: item.entityId,
                    label: `${pick(locale, item.nameNl, item.nameEn)}${item.published ? ` (${t('entities-profile.web.editor.publishedShort')})` : ''}`,
                  }))}
                  selectedKey={entityId}
                  onSelectionChange={(key) => setEntityId(Number(key))}
                />
              ) : null}
              {entityId !== null ? <Editor key={entityId} entityId={entityId} /> : null}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Editor({ entityId }: { entityId: number }) {
  const query = useQuery({
    queryKey: ['entities-profile', 'profile', entityId],
    queryFn: () => api.entitiesProfile.get({ params: { entityId } }),
  });
  // The form keeps what is typed across saves and publication; another entity mounts a new editor.
  return <QueryState query={query}>{(profile) => <ProfileForm profile={profile} />}</QueryState>;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const valueName = useValueName();
  const [storyNl, setStoryNl] = useState(profile.storyNl);
  const [storyEn, setStoryEn] = useState(profile.storyEn);
  const [ambassadors, setAmbassadors] = useState<Ambassador[]>(profile.ambassadors);
  const name = pick(locale, profile.nameNl, profile.nameEn);
  const refresh = (next: Profile) => {
    queryClient.setQueryData(['entities-profile', 'profile', profile.entityId], next);
    return queryClient.invalidateQueries({ queryKey: ['entities-profile', 'list'] });
  };
  const save = useMutation({
    mutationFn: () =>
      api.entitiesProfile.save({
        params: { entityId: profile.entityId },
        body: { storyNl, storyEn, ambassadorPersonIds: ambassadors.map((a) => a.personId) },
      }),
    onSuccess: async (next) => {
      toast.show(t('entities-profile.web.editor.saved'));
      await refresh(next);
    },
  });
  const publish = useMutation({
    mutationFn: (published: boolean) =>
      api.entitiesProfile.publish({ params: { entityId: profile.entityId }, body: { published } }),
    onSuccess: async (next) => {
      toast.show(
        t(
          next.published
            ? 'entities-profile.web.editor.publishedToast'
            : 'entities-profile.web.editor.withdrawnToast',
        ),
      );
      await refresh(next);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  // A server error marks its field invalid, which blocks the next submit: any edit clears it.
  const edited =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      save.reset();
      setter(value);
    };
  const publicHref = paths.entityProfilePublic.replace(':entityId', String(profile.entityId));

  return (
    <>
      <section className="section" aria-labelledby="ent-status">
        <h2 id="ent-status">{t('entities-profile.web.editor.status', { name })}</h2>
        {profile.published ? (
          <p>
            {t('entities-profile.web.editor.isPublished', { date: formatDateTime(profile.publishedAt) })}{' '}
            <Link to={publicHref}>{t('entities-profile.web.editor.viewPublic')}</Link>
          </p>
        ) : (
          <p>{t('entities-profile.web.editor.notPublished')}</p>
        )}
        {publish.error ? <Alert tone="error">{publishError(publish.error)}</Alert> : null}
        <Button
          variant={profile.published ? 'secondary' : 'primary'}
          onPress={() => publish.mutate(!profile.published)}
          isPending={publish.isPending}
        >
          {t(
            profile.published
              ? 'entities-profile.web.editor.withdraw'
              : 'entities-profile.web.editor.publish',
          )}
        </Button>
      </section>

      <section className="section" aria-labelledby="ent-own-words">
        <h2 id="ent-own-words">{t('entities-profile.web.editor.ownWords')}</h2>
        <p className="muted">{t('entities-profile.web.editor.ownWordsHint')}</p>
        {profile.ownWords.length === 0 ? (
          <p>{t('entities-profile.web.editor.noOwnWords')}</p>
        ) : (
          <dl>
            {profile.ownWords.map((w) => (
              <div key={w.valueKey}>
                <dt>{valueName(w.valueKey)}</dt>
                <dd className="preserve-lines">{pick(locale, w.textNl, w.textEn)}</dd>
              </div>
            ))}
          </dl>
        )}
        <h3>{t('entities-profile.web.focusValues')}</h3>
        {profile.focusValues.length === 0 ? (
          <p>{t('entities-profile.web.editor.noFocus')}</p>
        ) : (
          <ValueList values={profile.focusValues} label={t('entities-profile.web.focusValues')} />
        )}
        <p>
          <Link to={paths.myEntity}>{t('entities-profile.web.editor.editOwnWords')}</Link>
        </p>
      </section>

      <form className="form section" onSubmit={onSubmit} aria-labelledby="ent-story">
        <h2 id="ent-story">{t('entities-profile.web.editor.storyAndAmbassadors')}</h2>
        <Ambassadors
          entityId={profile.entityId}
          value={ambassadors}
          onChange={edited(setAmbassadors)}
          error={errors.ambassadorPersonIds}
        />
        <TextField
          label={t('entities-profile.web.editor.storyNl')}
          description={t('entities-profile.web.editor.markdownHint')}
          multiline
          rows={12}
          value={storyNl}
          onChange={edited(setStoryNl)}
          errorMessage={errors.storyNl}
        />
        <TextField
          label={t('entities-profile.web.editor.storyEn')}
          description={t('entities-profile.web.editor.markdownHint')}
          multiline
          rows={12}
          value={storyEn}
          onChange={edited(setStoryEn)}
          errorMessage={errors.storyEn}
        />
        {save.error && !Object.keys(errors).length ? <Alert tone="error">{save.error.message}</Alert> : null}
        <div className="form__actions">
          <Button type="submit" isPending={save.isPending}>
            {t('entities-profile.web.editor.save')}
          </Button>
        </div>
      </form>

      {profile.storyHtmlNl || profile.storyHtmlEn ? (
        <section className="section" aria-labelledby="ent-preview">
          <h2 id="ent-preview">{t('entities-profile.web.editor.preview')}</h2>
          <p className="muted">{t('entities-profile.web.editor.previewHint')}</p>
          <div className="ent-card" lang={locale === 'en' && profile.storyHtmlEn ? 'en' : 'nl'}>
            <ContentBody html={pick(locale, profile.storyHtmlNl, profile.storyHtmlEn)} />
          </div>
        </section>
      ) : null}
    </>
  );
}

function publishError(error: unknown): string {
  if (error instanceof ApiError) return error.issues[0]?.message ?? error.message;
  return String(error);
}

/** Picks ambassadors from the entity's own roster by name; the order is the order shown publicly. */
function Ambassadors({
  entityId,
  value,
  onChange,
  error,
}: {
  entityId: number;
  value: Ambassador[];
  onChange: (next: Ambassador[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const headingId = useId();
  const results = useQuery({
    queryKey: ['entities-profile', 'roster', entityId, search],
    queryFn: () => api.entitiesProfile.roster({ params: { entityId }, query: { q: search } }),
    enabled: search.length >= 2,
  });
  const chosen = new Set(value.map((a) => a.personId));
  return (
    <fieldset className="section">
      <legend id={headingId}>{t('entities-profile.web.editor.ambassadors')}</legend>
      <p className="muted">{t('entities-profile.web.editor.ambassadorsHint')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {value.length === 0 ? (
        <p>{t('entities-profile.web.editor.noAmbassadors')}</p>
      ) : (
        <ul className="ent-list" aria-labelledby={headingId}>
          {value.map((a) => (
            <li key={a.personId} className="ent-inline">
              <span>
                {a.name}
                {a.unitNameNl ? (
                  <span className="muted"> · {pick(locale, a.unitNameNl, a.unitNameEn)}</span>
                ) : null}
              </span>
              <Button
                variant="quiet"
                onPress={() => onChange(value.filter((v) => v.personId !== a.personId))}
                aria-label={t('entities-profile.web.editor.removeAmbassador', { name: a.name })}
              >
                {t('entities-profile.web.editor.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="ent-inline">
        <TextField
          label={t('entities-profile.web.editor.findPerson')}
          value={q}
          onChange={setQ}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              setSearch(q.trim());
            }
          }}
        />
        <Button variant="secondary" onPress={() => setSearch(q.trim())}>
          {t('entities-profile.web.editor.search')}
        </Button>
      </div>
      {search.length >= 2 ? (
        <QueryState query={results}>
          {(people) =>
            people.length === 0 ? (
              <p role="status">{t('entities-profile.web.editor.nobodyFound')}</p>
            ) : (
              <ul className="ent-list" aria-label={t('entities-profile.web.editor.results')}>
                {people
                  .filter((p) => !chosen.has(p.personId))
                  .map((p) => (
                    <li key={p.personId} className="ent-inline">
                      <span>
                        {p.name}
                        {p.unitNameNl ? (
                          <span className="muted"> · {pick(locale, p.unitNameNl, p.unitNameEn)}</span>
                        ) : null}
                      </span>
                      <Button
                        variant="secondary"
                        onPress={() => onChange([...value, p])}
                        aria-label={t('entities-profile.web.editor.addAmbassador', { name: p.name })}
                      >
                        {t('entities-profile.web.editor.add')}
                      </Button>
                    </li>
                  ))}
              </ul>
            )
          }
        </QueryState>
      ) : null}
    </fieldset>
  );
}
