import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemInput } from '../../../../shared/api/entities-support';
import { supportFormats, supportRequestStatuses, type ValueKey, valueKeys } from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
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
import { useValueName } from '../profile/ValueNames';
import { RequestCard } from './RequestCard';
import { ItemSummary, type SupportItem } from './SupportPage';
import '../profile/entities.css';

type Status = (typeof supportRequestStatuses)[number];

/** /beheer/ondersteuning: the programme admin handles requests and keeps the support catalogue. */
export function AdminSupportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('entities-support.web.admin.title')}</PageTitle>
      <p className="lead">{t('entities-support.web.admin.lead')}</p>
      <Requests />
      <Catalogue />
    </>
  );
}

function Requests() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | 'all'>('requested');
  const query = useQuery({
    queryKey: ['entities-support', 'requests', status],
    queryFn: () => api.entitiesSupport.requests({ query: status === 'all' ? {} : { status } }),
  });
  return (
    <section className="section" aria-labelledby="sup-admin-requests">
      <h2 id="sup-admin-requests">{t('entities-support.web.admin.requests')}</h2>
      <Select
        label={t('entities-support.web.admin.statusFilter')}
        options={[
          { id: 'all', label: t('entities-support.web.admin.all') },
          ...supportRequestStatuses.map((s) => ({ id: s, label: t(`entities-support.status.${s}`) })),
        ]}
        selectedKey={status}
        onSelectionChange={(key) => setStatus(key as Status | 'all')}
      />
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('entities-support.web.admin.noRequests')}</p>
          ) : (
            <ul className="ent-list">
              {data.items.map((r) => (
                <li key={r.id}>
                  <RequestCard request={r} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

const emptyItem: ItemInput = {
  titleNl: '',
  titleEn: '',
  descriptionNl: '',
  descriptionEn: '',
  format: 'workshop',
  durationMinutes: 120,
  capacityPerQuarter: 4,
  values: [],
  active: true,
};

function Catalogue() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState<SupportItem | 'new' | null>(null);
  const query = useQuery({
    queryKey: ['entities-support', 'items', 'all'],
    queryFn: () => api.entitiesSupport.items({ query: { includeInactive: 'true' } }),
  });
  return (
    <section className="section" aria-labelledby="sup-catalogue">
      <h2 id="sup-catalogue">{t('entities-support.web.admin.catalogue')}</h2>
      {editing ? (
        <ItemForm
          key={editing === 'new' ? 'new' : editing.id}
          item={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <Button onPress={() => setEditing('new')}>{t('entities-support.web.admin.newItem')}</Button>
      )}
      <QueryState query={query}>
        {(data) => (
          <ul className="ent-list">
            {data.items.map((item) => (
              <li key={item.id} className="ent-card">
                <h3>
                  {pick(locale, item.titleNl, item.titleEn)}
                  {item.active ? '' : ` (${t('entities-support.web.admin.inactive')})`}
                </h3>
                <ItemSummary item={item} />
                <Button
                  variant="secondary"
                  onPress={() => setEditing(item)}
                  aria-label={t('entities-support.web.admin.editItem', {
                    title: pick(locale, item.titleNl, item.titleEn),
                  })}
                >
                  {t('entities-support.web.admin.edit')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function ItemForm({ item, onDone }: { item: SupportItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const valueName = useValueName();
  const headingId = useId();
  const [form, setForm] = useState<ItemInput>(
    item
      ? {
          titleNl: item.titleNl,
          titleEn: item.titleEn,
          descriptionNl: item.descriptionNl,
          descriptionEn: item.descriptionEn,
          format: item.format,
          durationMinutes: item.durationMinutes,
          capacityPerQuarter: item.capacityPerQuarter,
          values: item.values,
          active: item.active,
        }
      : emptyItem,
  );
  // A server error marks its field invalid, which blocks the next submit: any edit clears it.
  const set = <K extends keyof ItemInput>(key: K, value: ItemInput[K]) => {
    save.reset();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const save = useMutation({
    mutationFn: () =>
      item
        ? api.entitiesSupport.updateItem({ params: { id: item.id }, body: form })
        : api.entitiesSupport.createItem({ body: form }),
    onSuccess: async () => {
      toast.show(t('entities-support.web.admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['entities-support'] });
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const toggleValue = (key: ValueKey, on: boolean) =>
    set(
      'values',
      on
        ? valueKeys.filter((k) => k === key || form.values.includes(k))
        : form.values.filter((k) => k !== key),
    );
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return (
    <form className="form ent-card" onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(item ? 'entities-support.web.admin.editTitle' : 'entities-support.web.admin.newItem')}
      </h3>
      <TextField
        label={t('entities-support.web.admin.titleNl')}
        value={form.titleNl}
        onChange={(v) => set('titleNl', v)}
        isRequired
        errorMessage={errors.titleNl}
      />
      <TextField
        label={t('entities-support.web.admin.titleEn')}
        value={form.titleEn}
        onChange={(v) => set('titleEn', v)}
        isRequired
        errorMessage={errors.titleEn}
      />
      <TextField
        label={t('entities-support.web.admin.descriptionNl')}
        value={form.descriptionNl}
        onChange={(v) => set('descriptionNl', v)}
        multiline
        rows={4}
        isRequired
        errorMessage={errors.descriptionNl}
      />
      <TextField
        label={t('entities-support.web.admin.descriptionEn')}
        value={form.descriptionEn}
        onChange={(v) => set('descriptionEn', v)}
        multiline
        rows={4}
        isRequired
        errorMessage={errors.descriptionEn}
      />
      <Select
        label={t('entities-support.web.admin.format')}
        options={supportFormats.map((f) => ({ id: f, label: t(`entities-support.web.format.${f}`) }))}
        selectedKey={form.format}
        onSelectionChange={(key) => set('format', key as ItemInput['format'])}
        errorMessage={errors.format}
      />
      <TextField
        label={t('entities-support.web.admin.durationMinutes')}
        inputMode="numeric"
        value={Number.isNaN(form.durationMinutes) ? '' : String(form.durationMinutes)}
        onChange={(v) => set('durationMinutes', number(v))}
        errorMessage={errors.durationMinutes}
      />
      <TextField
        label={t('entities-support.web.admin.capacity')}
        inputMode="numeric"
        value={Number.isNaN(form.capacityPerQuarter) ? '' : String(form.capacityPerQuarter)}
        onChange={(v) => set('capacityPerQuarter', number(v))}
        errorMessage={errors.capacityPerQuarter}
      />
      <fieldset>
        <legend>{t('entities-support.web.values')}</legend>
        {valueKeys.map((key) => (
          <Checkbox key={key} isSelected={form.values.includes(key)} onChange={(on) => toggleValue(key, on)}>
            {valueName(key)}
          </Checkbox>
        ))}
      </fieldset>
      <Checkbox isSelected={form.active} onChange={(on) => set('active', on)}>
        {t('entities-support.web.admin.active')}
      </Checkbox>
      {save.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error">{save.error.message}</Alert>
      ) : null}
      <div className="form__actions">
        <Button type="submit" isPending={save.isPending}>
          {t('entities-support.web.admin.save')}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t('entities-support.web.admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
