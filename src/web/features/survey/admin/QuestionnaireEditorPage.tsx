import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../app/api';
import { paths } from '../../../app/paths';
import { Alert } from '../../../ui/Alert';
import { ConfirmDialog } from '../../../ui/Dialog';
import { FormError } from '../../../ui/form';
import { QueryState } from '../../../ui/QueryState';
import '../survey.css';
import { AddItem, IncludeForm, ItemRow, SectionHeader } from './QuestionnaireParts';
import { SectionForm } from './SectionForm';
import { Frame, type Questionnaire, type SectionFields } from './shared';

/** Compose a questionnaire: sections and items, added, edited in place, moved and removed. */
export function QuestionnaireEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = ['survey-admin', 'questionnaire', id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.survey.questionnaire({ params: { id } }),
  });
  const [status, setStatus] = useState('');
  /** The section whose deletion waits for confirmation in the dialog. */
  const [sectionToDelete, setSectionToDelete] = useState<{ id: number; title: string } | null>(null);
  const saved = (q: Questionnaire, message: string) => {
    client.setQueryData(key, q);
    void client.invalidateQueries({ queryKey: ['survey-admin', 'questionnaires'] });
    setStatus(message);
  };
  const change = useMutation({
    /** `method` names the kind of change for the status message ("added", "moved", "deleted"). */
    mutationFn: ({ call }: { method: 'post' | 'put' | 'delete'; call: () => Promise<Questionnaire> }) =>
      call(),
    onSuccess: (q, variables) => saved(q, t(`survey.admin.done.${variables.method}`)),
  });
  const addSection = useMutation({
    mutationFn: ({ questionnaireId, body }: { questionnaireId: number; body: SectionFields }) =>
      api.survey.addSection({ params: { id: questionnaireId }, body }),
    onSuccess: (q) => saved(q, t('survey.admin.done.post')),
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
            call: () => api.survey.reorder({ params: { id: q.id }, body: { sections: order } }),
          });
        };
        return (
          <Frame title={q.titleNl} parent>
            <ConfirmDialog
              title={t('survey.admin.deleteSectionTitle')}
              message={t('survey.admin.deleteSectionConfirm', { title: sectionToDelete?.title ?? '' })}
              confirmLabel={t('survey.admin.delete')}
              variant="danger"
              isOpen={sectionToDelete !== null}
              onOpenChange={(open) => {
                if (!open) setSectionToDelete(null);
              }}
              isPending={change.isPending}
              onConfirm={() => {
                if (!sectionToDelete) return;
                change.mutate(
                  {
                    method: 'delete',
                    call: () => api.survey.deleteSection({ params: { id: sectionToDelete.id } }),
                  },
                  { onSettled: () => setSectionToDelete(null) },
                );
              }}
            />
            {q.editable ? null : <Alert tone="info">{t('survey.admin.readOnly')}</Alert>}
            {q.editable && q.waveCount > 0 ? (
              <Alert tone="info">{t('survey.admin.usedByWaves', { count: q.waveCount })}</Alert>
            ) : null}
            <p>{q.descriptionNl}</p>
            <p>
              <Link to={paths.adminSurveyPreview.replace(':id', String(q.id))}>
                {t('survey.preview.open')}
              </Link>
            </p>
            <p role="status" className="survey-answer__saved">
              {status}
            </p>
            <FormError error={change.error} />
            {q.sections.map((section, sectionIndex) => (
              <section key={section.id} className="survey-section" aria-labelledby={`s-${section.id}`}>
                <SectionHeader
                  section={section}
                  editable={q.editable}
                  onSaved={saved}
                  onDelete={() => setSectionToDelete({ id: section.id, title: section.titleNl })}
                />
                {section.items.map((item, itemIndex) => (
                  <ItemRow
                    key={item.id}
                    item={item}
                    editable={q.editable}
                    onSaved={saved}
                    onMove={(delta) => move(sectionIndex, itemIndex, delta)}
                    onDelete={() =>
                      change.mutate({
                        method: 'delete',
                        call: () => api.survey.deleteItem({ params: { id: item.id } }),
                      })
                    }
                  />
                ))}
                {q.editable ? <AddItem section={section} onSaved={saved} /> : null}
              </section>
            ))}
            {q.editable ? (
              <>
                <SectionForm
                  idPrefix="new-section"
                  heading={t('survey.admin.newSection')}
                  submitLabel={t('survey.admin.addSection')}
                  onSubmit={(body) => addSection.mutateAsync({ questionnaireId: q.id, body })}
                  error={addSection.error}
                  pending={addSection.isPending}
                />
                <IncludeForm
                  questionnaireId={q.id}
                  onInclude={(sourceId) =>
                    change.mutate({
                      method: 'post',
                      call: () =>
                        api.survey.includeQuestionnaire({ params: { id: q.id }, body: { sourceId } }),
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
