/** The parts of the questionnaire editor: a section's header, an item's row, adding an item, including another. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { Button } from '../../../ui/Button';
import { formValues, useFocusAfterRender } from '../../../ui/form';
import { ItemForm } from './ItemForm';
import { SectionForm } from './SectionForm';
import type { Item, ItemFields, Questionnaire, Section, SectionFields } from './shared';

/** The section's heading and texts, or its edit form in their place. */
export function SectionHeader({
  section,
  editable,
  onSaved,
  onDelete,
}: {
  section: Section;
  editable: boolean;
  onSaved: (q: Questionnaire, message: string) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const focusAfter = useFocusAfterRender();
  const editId = `edit-section-${section.id}`;
  const close = () => {
    setEditing(false);
    save.reset();
    focusAfter(editId);
  };
  const save = useMutation({
    mutationFn: (body: SectionFields) => api.survey.updateSection({ params: { id: section.id }, body }),
    onSuccess: (q) => {
      onSaved(
        q,
        t('survey.admin.savedSection', { title: q.sections.find((s) => s.id === section.id)?.titleNl }),
      );
      close();
    },
  });
  return (
    <>
      <h2 id={`s-${section.id}`}>{section.titleNl}</h2>
      {editing ? (
        <SectionForm
          idPrefix={`section-${section.id}`}
          heading={t('survey.admin.editSectionHeading', { title: section.titleNl })}
          initial={section}
          submitLabel={t('survey.admin.save')}
          onSubmit={(body) => save.mutateAsync(body)}
          onCancel={close}
          error={save.error}
          pending={save.isPending}
        />
      ) : (
        <>
          {section.titleEn ? (
            <p lang="en" className="survey-admin-section__en">
              {section.titleEn}
            </p>
          ) : null}
          {section.introNl ? <p>{section.introNl}</p> : null}
          {section.introEn ? <p lang="en">{section.introEn}</p> : null}
          {editable ? (
            <div className="survey-admin-actions">
              <EditDeleteButtons
                editId={editId}
                editVariant="secondary"
                editLabel={t('survey.admin.editSection', { title: section.titleNl })}
                deleteLabel={t('survey.admin.deleteSection', { title: section.titleNl })}
                onEdit={() => setEditing(true)}
                onDelete={onDelete}
              />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

/** One item: its texts and tags with move/edit/delete, or its edit form in their place. */
export function ItemRow({
  item,
  editable,
  onSaved,
  onMove,
  onDelete,
}: {
  item: Item;
  editable: boolean;
  onSaved: (q: Questionnaire, message: string) => void;
  onMove: (delta: number) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const focusAfter = useFocusAfterRender();
  const editId = `edit-item-${item.id}`;
  const close = () => {
    setEditing(false);
    save.reset();
    focusAfter(editId);
  };
  const save = useMutation({
    mutationFn: (body: ItemFields) => api.survey.updateItem({ params: { id: item.id }, body }),
    onSuccess: (q) => {
      onSaved(q, t('survey.admin.savedItem'));
      close();
    },
  });
  if (editing)
    return (
      <div className="survey-admin-item survey-admin-item--editing">
        <ItemForm
          idPrefix={`item-${item.id}`}
          heading={t('survey.admin.editItemHeading', { key: item.itemKey })}
          initial={item}
          submitLabel={t('survey.admin.save')}
          onSubmit={(body) => save.mutateAsync(body)}
          onCancel={close}
          error={save.error}
          pending={save.isPending}
        />
      </div>
    );
  return (
    <div className="survey-admin-item">
      <div>
        <p>{item.textNl}</p>
        {item.textEn ? <p lang="en">{item.textEn}</p> : null}
        <p className="survey-admin-item__tags">
          {t(`survey.admin.kinds.${item.kind}`)} · {item.itemKey}
          {item.valueKey ? ` · ${t(`survey.admin.values.${item.valueKey}`)}` : ''}
          {item.objective
            ? ` · ${t('programme.objectiveNamed', { n: item.objective, name: t(`programme.objectives.${item.objective}`) })}`
            : ''}
          {item.outcome ? ` · ${t('survey.admin.outcome')}` : ''}
          {item.required ? ` · ${t('survey.admin.requiredLabel')}` : ''}
          {item.options.length
            ? ` · ${item.options.map((o) => (o.en ? `${o.nl} (${o.en})` : o.nl)).join(' / ')}`
            : ''}
        </p>
      </div>
      {editable ? (
        <div className="survey-admin-actions">
          <Button
            variant="quiet"
            onPress={() => onMove(-1)}
            aria-label={t('survey.admin.moveUpItem', { text: item.textNl })}
          >
            ↑
          </Button>
          <Button
            variant="quiet"
            onPress={() => onMove(1)}
            aria-label={t('survey.admin.moveDownItem', { text: item.textNl })}
          >
            ↓
          </Button>
          <EditDeleteButtons
            editId={editId}
            editVariant="quiet"
            editLabel={t('survey.admin.editItem', { text: item.textNl })}
            deleteLabel={t('survey.admin.deleteItem', { text: item.textNl })}
            onEdit={() => setEditing(true)}
            onDelete={onDelete}
          />
        </div>
      ) : null}
    </div>
  );
}

/** "Edit" and "Delete" for one section or item; the labels name it, so screen readers know which. */
function EditDeleteButtons(props: {
  editId: string;
  editVariant: 'secondary' | 'quiet';
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        id={props.editId}
        variant={props.editVariant}
        onPress={props.onEdit}
        aria-label={props.editLabel}
      >
        {t('survey.admin.edit')}
      </Button>
      <Button variant="danger" onPress={props.onDelete} aria-label={props.deleteLabel}>
        {t('survey.admin.delete')}
      </Button>
    </>
  );
}

/** The form for a new item, folded away under its summary until wanted. */
export function AddItem({
  section,
  onSaved,
}: {
  section: Section;
  onSaved: (q: Questionnaire, message: string) => void;
}) {
  const { t } = useTranslation();
  const add = useMutation({
    mutationFn: (body: ItemFields) => api.survey.addItem({ params: { id: section.id }, body }),
    onSuccess: (q) => onSaved(q, t('survey.admin.done.post')),
  });
  return (
    <details>
      <summary>{t('survey.admin.addItemTo', { title: section.titleNl })}</summary>
      <ItemForm
        idPrefix={`new-item-${section.id}`}
        heading={t('survey.admin.addItem')}
        submitLabel={t('survey.admin.addItem')}
        onSubmit={(body) => add.mutateAsync(body)}
        error={add.error}
        pending={add.isPending}
      />
    </details>
  );
}

/** Append the sections of another questionnaire (a standard module, say) to this one. */
export function IncludeForm({
  questionnaireId,
  onInclude,
}: {
  questionnaireId: number;
  onInclude: (id: number) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['survey-admin', 'questionnaires'],
    queryFn: () => api.survey.questionnaires(),
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
