import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import {
  Button as AriaButton,
  Collection,
  Form,
  type Key,
  Tree,
  TreeItem,
  TreeItemContent,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import type { OrgUnit, UnitKind } from '../../app/types';
import { unitKinds } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ComboBox } from '../../ui/ComboBox';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { FilterForm } from '../../ui/FilterForm';
import { Pagination } from '../../ui/Pagination';
import { ErrorAlert, Loading, QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { Table } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { pick } from '../public/localized';
import { useUnits } from '../staff/EntityValuesPage';
import { AdminPage } from './AdminPage';

type TreeNode = OrgUnit & { children: TreeNode[] };

export function buildTree(units: OrgUnit[]): TreeNode[] {
  const nodes = new Map<number, TreeNode>(units.map((unit) => [unit.id, { ...unit, children: [] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.nameNl.localeCompare(b.nameNl, 'nl'));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

const unitName = (unit: { nameNl: string; nameEn: string | null }) =>
  pick(currentLocale(), unit.nameNl, unit.nameEn);

export function OrgPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [selected, setSelected] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [dialog, setDialog] = useState<'create' | 'rename' | 'move' | 'delete' | null>(null);
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);

  return (
    <AdminPage section="org">
      <div className="toolbar">
        <Button onPress={() => setDialog('create')}>{t('web.org.create')}</Button>
      </div>
      <div className="org-layout">
        <section aria-labelledby="org-tree-title" className="org-layout__tree">
          <h2 id="org-tree-title">{t('web.org.treeHeading')}</h2>
          <p className="muted small">{t('web.org.treeHint')}</p>
          <QueryState query={units}>
            {() => (
              <Tree
                aria-label={t('web.org.treeLabel')}
                items={tree}
                selectionMode="single"
                selectionBehavior="replace"
                selectedKeys={selected === null ? [] : [selected]}
                onSelectionChange={(keys) => {
                  if (keys === 'all') return;
                  const [key] = [...keys];
                  setSelected(key === undefined ? null : Number(key));
                }}
                expandedKeys={expanded}
                onExpandedChange={setExpanded}
                className="tree"
                renderEmptyState={() => <p>{t('web.org.empty')}</p>}
              >
                {function renderNode(node: TreeNode) {
                  return (
                    <TreeItem id={node.id} textValue={unitName(node)} className="tree__item">
                      <TreeItemContent>
                        {({ hasChildItems, isExpanded }) => (
                          <div className="tree__row">
                            {hasChildItems ? (
                              <AriaButton
                                slot="chevron"
                                className="tree__chevron"
                                aria-label={t(isExpanded ? 'web.org.collapse' : 'web.org.expand')}
                              >
                                <span aria-hidden="true">{isExpanded ? '▾' : '▸'}</span>
                              </AriaButton>
                            ) : (
                              <span className="tree__chevron tree__chevron--leaf" aria-hidden="true" />
                            )}
                            <span className="tree__name">{unitName(node)}</span>
                            <span className="tree__meta">
                              {t(`web.org.kinds.${node.kind}`)} ·{' '}
                              {t('web.org.headcountShort', { count: node.headcount })}
                            </span>
                          </div>
                        )}
                      </TreeItemContent>
                      <Collection items={node.children}>{renderNode}</Collection>
                    </TreeItem>
                  );
                }}
              </Tree>
            )}
          </QueryState>
        </section>
        <section aria-labelledby="org-detail-title" className="org-layout__detail">
          <h2 id="org-detail-title">{t('web.org.detailHeading')}</h2>
          {selected === null ? (
            <p>{t('web.org.selectHint')}</p>
          ) : (
            <UnitPanel id={selected} onAction={setDialog} />
          )}
        </section>
      </div>
      <PeopleSection unitId={selected} />
      {dialog === 'create' ? (
        <UnitFormDialog
          mode="create"
          parentId={selected}
          units={units.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setSelected(id);
            const parent = units.data?.find((unit) => unit.id === selected);
            if (parent) setExpanded(new Set([...expanded, parent.id]));
          }}
        />
      ) : null}
      {selected !== null && (dialog === 'rename' || dialog === 'move') ? (
        <UnitFormDialog
          mode={dialog}
          unitId={selected}
          units={units.data ?? []}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {selected !== null && dialog === 'delete' ? (
        <DeleteUnitDialog
          unitId={selected}
          units={units.data ?? []}
          onClose={() => setDialog(null)}
          onDeleted={() => setSelected(null)}
        />
      ) : null}
    </AdminPage>
  );
}

function useUnitDetail(id: number) {
  return useQuery({
    queryKey: ['org', 'unit', id],
    queryFn: () => api.org.unit({ params: { id } }),
  });
}

function UnitPanel({
  id,
  onAction,
}: {
  id: number;
  onAction: (action: 'create' | 'rename' | 'move' | 'delete') => void;
}) {
  const { t } = useTranslation();
  const detail = useUnitDetail(id);
  return (
    <QueryState query={detail}>
      {(unit) => (
        <div className="unit-panel">
          <h3 className="unit-panel__title">{unitName(unit)}</h3>
          {unit.ancestors.length ? (
            <p className="muted small">{unit.ancestors.map((ancestor) => unitName(ancestor)).join(' › ')}</p>
          ) : null}
          <dl className="facts">
            <dt>{t('web.org.kind')}</dt>
            <dd>{t(`web.org.kinds.${unit.kind}`)}</dd>
            <dt>{t('web.org.code')}</dt>
            <dd>{unit.code}</dd>
            <dt>{t('web.org.headcount')}</dt>
            <dd>{unit.headcount}</dd>
            <dt>{t('web.org.managers')}</dt>
            <dd>
              {unit.managers.length
                ? unit.managers.map((manager) => `${manager.firstName} ${manager.lastName}`).join(', ')
                : t('web.org.noManagers')}
            </dd>
            <dt>{t('web.org.children')}</dt>
            <dd>{unit.children.length}</dd>
          </dl>
          {unit.synthetic ? <p className="badge">{t('web.org.synthetic')}</p> : null}
          <div className="button-row">
            <Button variant="secondary" onPress={() => onAction('create')}>
              {t('web.org.createChild')}
            </Button>
            <Button variant="secondary" onPress={() => onAction('rename')}>
              {t('web.org.rename')}
            </Button>
            <Button variant="secondary" onPress={() => onAction('move')}>
              {t('web.org.move')}
            </Button>
            <Button variant="danger" onPress={() => onAction('delete')}>
              {t('web.org.delete')}
            </Button>
          </div>
        </div>
      )}
    </QueryState>
  );
}

/** Units that may become the parent of `unitId`: not itself and nothing below it (no cycles). */
function possibleParents(units: OrgUnit[], unitId?: number): OrgUnit[] {
  if (unitId === undefined) return units;
  const below = new Set<number>([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && below.has(unit.parentId) && !below.has(unit.id)) {
        below.add(unit.id);
        grew = true;
      }
    }
  }
  return units.filter((unit) => !below.has(unit.id));
}

const childKind: Record<UnitKind, UnitKind> = {
  policy_domain: 'entity',
  entity: 'division',
  division: 'team',
  team: 'team',
};

function UnitFormDialog({
  mode,
  unitId,
  parentId,
  units,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'rename' | 'move';
  unitId?: number;
  parentId?: number | null;
  units: OrgUnit[];
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const existing = unitId === undefined ? undefined : units.find((unit) => unit.id === unitId);
  const initialParent = mode === 'create' ? (parentId ?? null) : (existing?.parentId ?? null);
  const parentUnit = units.find((unit) => unit.id === initialParent);
  const [form, setForm] = useState({
    code: existing?.code ?? '',
    nameNl: existing?.nameNl ?? '',
    nameEn: existing?.nameEn ?? '',
    kind: (existing?.kind ?? (parentUnit ? childKind[parentUnit.kind] : 'policy_domain')) as UnitKind,
    parentId: initialParent as number | null,
  });
  const parentOptions = useMemo(
    () =>
      possibleParents(units, unitId).map((unit) => ({
        id: unit.id,
        label: unitName(unit),
        description: `${t(`web.org.kinds.${unit.kind}`)} · ${unit.code}`,
      })),
    [units, unitId, t],
  );

  const save = useMutation({
    mutationFn: async () => {
      if (mode === 'create') {
        return api.org.createUnit({
          body: {
            parentId: form.parentId,
            kind: form.kind,
            code: form.code.trim(),
            nameNl: form.nameNl.trim(),
            nameEn: form.nameEn.trim() || null,
          },
        });
      }
      const body =
        mode === 'rename'
          ? { code: form.code.trim(), nameNl: form.nameNl.trim(), nameEn: form.nameEn.trim() || null }
          : { parentId: form.parentId };
      return api.org.updateUnit({ params: { id: unitId }, body });
    },
    onSuccess: async (saved) => {
      toast.show(t(`web.org.saved.${mode}`));
      await queryClient.invalidateQueries({ queryKey: ['org'] });
      if (saved && typeof saved.id === 'number') onSaved?.(saved.id);
      onClose();
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldErrors = error?.fieldErrors() ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const titleKey = {
    create: 'web.org.createTitle',
    rename: 'web.org.renameTitle',
    move: 'web.org.moveTitle',
  }[mode];

  return (
    <Dialog
      title={t(titleKey, { name: existing ? unitName(existing) : '' })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Form onSubmit={submit} validationErrors={fieldErrors} validationBehavior="aria" className="form">
        {error && !Object.keys(fieldErrors).length ? <Alert tone="error">{error.message}</Alert> : null}
        {mode === 'create' || mode === 'move' ? (
          <ComboBox
            label={t('web.org.parent')}
            description={t('web.org.parentHint')}
            name="parentId"
            options={parentOptions}
            selectedKey={form.parentId}
            onSelectionChange={(key) => setForm({ ...form, parentId: key === null ? null : Number(key) })}
            autoFocus={mode === 'move'}
          />
        ) : null}
        {mode === 'create' ? (
          <Select
            label={t('web.org.kind')}
            name="kind"
            options={unitKinds.map((kind) => ({ id: kind, label: t(`web.org.kinds.${kind}`) }))}
            selectedKey={form.kind}
            onSelectionChange={(key) => setForm({ ...form, kind: key as UnitKind })}
          />
        ) : null}
        {mode === 'create' || mode === 'rename' ? (
          <>
            <TextField
              label={t('web.org.nameNl')}
              name="nameNl"
              isRequired
              autoFocus
              maxLength={200}
              value={form.nameNl}
              onChange={(nameNl) => setForm({ ...form, nameNl })}
            />
            <TextField
              label={t('web.org.nameEn')}
              name="nameEn"
              maxLength={200}
              value={form.nameEn}
              onChange={(nameEn) => setForm({ ...form, nameEn })}
            />
            <TextField
              label={t('web.org.code')}
              description={t('web.org.codeHint')}
              name="code"
              isRequired
              maxLength={64}
              value={form.code}
              onChange={(code) => setForm({ ...form, code })}
            />
          </>
        ) : null}
        <div className="dialog__actions">
          <Button variant="secondary" onPress={onClose}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" isPending={save.isPending}>
            {t(`web.org.submit.${mode}`)}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

function DeleteUnitDialog({
  unitId,
  units,
  onClose,
  onDeleted,
}: {
  unitId: number;
  units: OrgUnit[];
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const unit = units.find((candidate) => candidate.id === unitId);
  const remove = useMutation({
    mutationFn: () => api.org.deleteUnit({ params: { id: unitId } }),
    onSuccess: async () => {
      toast.show(t('web.org.deleted'));
      onDeleted();
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });
  return (
    <ConfirmDialog
      title={t('web.org.deleteTitle', { name: unit ? unitName(unit) : '' })}
      message={
        <>
          <p>{t('web.org.deleteText')}</p>
          {remove.error ? <ErrorAlert error={remove.error} /> : null}
        </>
      }
      confirmLabel={t('web.org.delete')}
      variant="danger"
      isOpen
      onOpenChange={(open) => !open && onClose()}
      onConfirm={() => remove.mutate()}
      isPending={remove.isPending}
    />
  );
}

function PeopleSection({ unitId }: { unitId: number | null }) {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState('');
  const [page, setPage] = useState(1);
  const people = useQuery({
    queryKey: ['org', 'people', unitId, submitted, page],
    queryFn: () =>
      api.org.people({ query: { unitId: unitId ?? undefined, query: submitted || undefined, page } }),
    placeholderData: (previous) => previous,
  });
  const locale = currentLocale();
  return (
    <section aria-labelledby="people-title" className="section">
      <h2 id="people-title">{unitId === null ? t('web.org.peopleAll') : t('web.org.peopleInUnit')}</h2>
      <FilterForm
        search
        label={t('web.org.peopleSearch')}
        name="query"
        maxLength={100}
        submitLabel={t('web.search.submit')}
        onSubmit={(value) => {
          setPage(1);
          setSubmitted(value);
        }}
      />
      {people.isPending ? <Loading /> : null}
      {people.error ? <ErrorAlert error={people.error} /> : null}
      {people.data ? (
        <>
          <Table
            caption={t('web.org.peopleCaption', { count: people.data.total })}
            rows={people.data.items}
            rowKey={(person) => person.id}
            empty={t('web.org.peopleEmpty')}
            columns={[
              {
                key: 'name',
                header: t('web.org.person.name'),
                rowHeader: true,
                cell: (p) => `${p.firstName} ${p.lastName}`,
              },
              { key: 'number', header: t('web.org.person.number'), cell: (p) => p.employeeNumber },
              { key: 'email', header: t('web.org.person.email'), cell: (p) => p.email },
              {
                key: 'unit',
                header: t('web.org.person.unit'),
                cell: (p) => pick(locale, p.unitNameNl, p.unitNameEn),
              },
              {
                key: 'status',
                header: t('web.org.person.status'),
                cell: (p) => t(`web.org.person.statuses.${p.status}`),
              },
            ]}
          />
          <Pagination
            label={t('web.org.peoplePages')}
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            onPageChange={setPage}
          />
        </>
      ) : null}
    </section>
  );
}
