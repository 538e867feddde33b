import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { EndorsementInput, entitiesBackingApi } from '../../../../shared/api/entities-backing';
import { endorserKinds } from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Checkbox } from '../../../ui/Checkbox';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { pick } from '../../public/localized';
import '../profile/entities.css';

type Endorsement = RouteOutput<typeof entitiesBackingApi.routes.list>['items'][number];

const empty: EndorsementInput = {
  name: '',
  kind: 'minister',
  roleNl: '',
  roleEn: '',
  endorsedOn: new Date().toISOString().slice(0, 10),
  statementNl: '',
  statementEn: '',
  link: null,
  public: false,
};

/** /beheer/engagementen: the programme admin records political backing and decides what is public. */
export function AdminEndorsementsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Endorsement | 'new' | null>(null);
  const query = useQuery({
    queryKey: ['entities-backing', 'all'],
    queryFn: () => api.entitiesBacking.list(),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.entitiesBacking.remove({ params: { id } }),
    onSuccess: async () => {
      toast.show(t('entities-backing.web.admin.deleted'));
      await queryClient.invalidateQueries({ queryKey: ['entities-backing'] });
    },
  });
  return (
    <>
      <PageTitle>{t('entities-backing.web.admin.title')}</PageTitle>
      <p className="lead">{t('entities-backing.web.admin.lead')}</p>
      {editing ? (
        <EndorsementForm
          key={editing === 'new' ? 'new' : editing.id}
          endorsement={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <Button onPress={() => setEditing('new')}>{t('entities-backing.web.admin.new')}</Button>
      )}
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      <section className="section" aria-labelledby="endorsements-list">
        <h2 id="endorsements-list">{t('entities-backing.web.admin.list')}</h2>
        <QueryState query={query}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('entities-backing.web.admin.empty')}</p>
            ) : (
              <ul className="ent-list">
                {data.items.map((e) => (
                  <li key={e.id} className="ent-card">
                    <h3>{e.name}</h3>
                    <p className="muted">
                      {pick(locale, e.roleNl, e.roleEn)} · {formatDate(e.endorsedOn)} ·{' '}
                      {t(
                        e.public
                          ? 'entities-backing.web.admin.isPublic'
                          : 'entities-backing.web.admin.isInternal',
                      )}
                    </p>
                    <p className="preserve-lines">{pick(locale, e.statementNl, e.statementEn)}</p>
                    <div className="ent-inline">
                      <Button
                        variant="secondary"
                        onPress={() => setEditing(e)}
                        aria-label={t('entities-backing.web.admin.editNamed', { name: e.name })}
                      >
                        {t('entities-backing.web.admin.edit')}
                      </Button>
                      <Button
                        variant="danger"
                        onPress={() => {
                          if (window.confirm(t('entities-backing.web.admin.confirmDelete', { name: e.name })))
                            remove.mutate(e.id);
                        }}
                        aria-label={t('entities-backing.web.admin.deleteNamed', { name: e.name })}
                      >
                        {t('entities-backing.web.admin.delete')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function EndorsementForm({ endorsement, onDone }: { endorsement: Endorsement | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [form, setForm] = useState<EndorsementInput>(
    endorsement
      ? {
          name: endorsement.name,
          kind: endorsement.kind,
          roleNl: endorsement.roleNl,
          roleEn: endorsement.roleEn,
          endorsedOn: endorsement.endorsedOn,
          statementNl: endorsement.statementNl,
          statementEn: endorsement.statementEn,
          link: endorsement.link,
          public: endorsement.public,
        }
      : empty,
  );
  // A server error marks its field invalid, which blocks the next submit: any edit clears it.
  const set = <K extends keyof EndorsementInput>(key: K, value: EndorsementInput[K]) => {
    save.reset();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const save = useMutation({
    mutationFn: () =>
      endorsement
        ? api.entitiesBacking.update({ params: { id: endorsement.id }, body: form })
        : api.entitiesBacking.create({ body: form }),
    onSuccess: async () => {
      toast.show(t('entities-backing.web.admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['entities-backing'] });
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form ent-card section" onSubmit={onSubmit} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(endorsement ? 'entities-backing.web.admin.editTitle' : 'entities-backing.web.admin.new')}
      </h2>
      <TextField
        label={t('entities-backing.web.admin.name')}
        value={form.name}
        onChange={(v) => set('name', v)}
        isRequired
        errorMessage={errors.name}
      />
      <Select
        label={t('entities-backing.web.admin.kind')}
        options={endorserKinds.map((k) => ({ id: k, label: t(`entities-backing.web.kind.${k}`) }))}
        selectedKey={form.kind}
        onSelectionChange={(key) => set('kind', key as EndorsementInput['kind'])}
        errorMessage={errors.kind}
      />
      <TextField
        label={t('entities-backing.web.admin.roleNl')}
        value={form.roleNl}
        onChange={(v) => set('roleNl', v)}
        isRequired
        errorMessage={errors.roleNl}
      />
      <TextField
        label={t('entities-backing.web.admin.roleEn')}
        value={form.roleEn}
        onChange={(v) => set('roleEn', v)}
        isRequired
        errorMessage={errors.roleEn}
      />
      <TextField
        label={t('entities-backing.web.admin.date')}
        type="date"
        value={form.endorsedOn}
        onChange={(v) => set('endorsedOn', v)}
        isRequired
        errorMessage={errors.endorsedOn}
      />
      <TextField
        label={t('entities-backing.web.admin.statementNl')}
        value={form.statementNl}
        onChange={(v) => set('statementNl', v)}
        multiline
        rows={4}
        isRequired
        errorMessage={errors.statementNl}
      />
      <TextField
        label={t('entities-backing.web.admin.statementEn')}
        value={form.statementEn}
        onChange={(v) => set('statementEn', v)}
        multiline
        rows={4}
        isRequired
        errorMessage={errors.statementEn}
      />
      <TextField
        label={t('entities-backing.web.admin.link')}
        type="url"
        value={form.link ?? ''}
        onChange={(v) => set('link', v.trim() === '' ? null : v)}
        errorMessage={errors.link}
      />
      <Checkbox isSelected={form.public} onChange={(on) => set('public', on)}>
        {t('entities-backing.web.admin.public')}
      </Checkbox>
      {save.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error">{save.error.message}</Alert>
      ) : null}
      <div className="form__actions">
        <Button type="submit" isPending={save.isPending}>
          {t('entities-backing.web.admin.save')}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t('entities-backing.web.admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
