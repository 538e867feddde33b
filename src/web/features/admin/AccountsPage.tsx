import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { scopedRoles } from '../../../shared/api/auth-admin';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { type AccountRow, grantableRoles, type RoleGrant } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ComboBox } from '../../ui/ComboBox';
import { Dialog } from '../../ui/Dialog';
import { FilterForm } from '../../ui/FilterForm';
import { Pagination } from '../../ui/Pagination';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { pick } from '../public/localized';
import { useUnits } from '../staff/EntityValuesPage';
import { AdminPage } from './AdminPage';

type GrantableRole = RoleGrant['role'];
const isGrantable = (role: string): role is GrantableRole =>
  (grantableRoles as readonly string[]).includes(role);

export function AccountsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AccountRow | null>(null);
  const accounts = useQuery({
    queryKey: ['admin', 'accounts', filter, page],
    queryFn: () => api.authAdmin.accounts({ query: { query: filter || undefined, page } }),
    placeholderData: (previous) => previous,
  });

  return (
    <AdminPage section="accounts">
      <LinkRequests />
      <FilterForm
        search
        label={t('web.accounts.search')}
        name="query"
        maxLength={200}
        submitLabel={t('web.search.submit')}
        onSubmit={(value) => {
          setPage(1);
          setFilter(value);
        }}
      />
      <QueryState query={accounts}>
        {(data) => (
          <>
            <Table
              caption={t('web.accounts.caption', { count: data.total })}
              rows={data.items}
              rowKey={(row) => row.id}
              empty={t('web.accounts.empty')}
              columns={[
                {
                  key: 'name',
                  header: t('web.accounts.name'),
                  rowHeader: true,
                  cell: (row) => row.displayName,
                },
                { key: 'email', header: t('web.accounts.email'), cell: (row) => row.email },
                {
                  key: 'roles',
                  header: t('web.accounts.roles'),
                  cell: (row) =>
                    row.roles.length
                      ? row.roles
                          .map(
                            (grant) =>
                              `${t(`auth.roles.${grant.role}`)}${grant.scopeUnitName ? ` (${grant.scopeUnitName})` : ''}`,
                          )
                          .join(', ')
                      : t('web.accounts.noRoles'),
                },
                {
                  key: 'status',
                  header: t('web.accounts.status'),
                  cell: (row) => (row.disabled ? t('web.accounts.disabled') : t('web.accounts.active')),
                },
                {
                  key: 'last',
                  header: t('web.accounts.lastSignIn'),
                  cell: (row) => formatDateTime(row.lastSignInAt),
                },
                {
                  key: 'edit',
                  header: t('web.accounts.actions'),
                  cell: (row) => (
                    <Button
                      variant="quiet"
                      onPress={() => setEditing(row)}
                      aria-label={t('web.accounts.editRolesFor', { name: row.displayName })}
                    >
                      {t('web.accounts.editRoles')}
                    </Button>
                  ),
                },
              ]}
            />
            <Pagination
              label={t('web.accounts.pages')}
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPageChange={setPage}
            />
          </>
        )}
      </QueryState>
      {editing ? <RolesDialog account={editing} onClose={() => setEditing(null)} /> : null}
    </AdminPage>
  );
}

/** Shown only while there is something to decide, so the page stays about accounts the rest of the time. */
function LinkRequests() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: ['admin', 'oidc-links'],
    queryFn: () => api.authAdmin.oidcLinks(),
  });
  const decide = useMutation({
    mutationFn: async ({ id, decision }: { id: number; decision: 'confirm' | 'refuse'; name: string }) => {
      if (decision === 'confirm') await api.authAdmin.confirmOidcLink({ params: { id } });
      else await api.authAdmin.refuseOidcLink({ params: { id } });
    },
    onSuccess: async (_result, { decision, name }) => {
      toast.show(
        t(decision === 'confirm' ? 'auth.linkRequests.confirmed' : 'auth.linkRequests.refused', { name }),
      );
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'oidc-links'] });
    },
  });
  const error = decide.error instanceof ApiError ? decide.error : null;
  if (!requests.data?.items.length && !requests.error) return null;

  return (
    <section aria-labelledby="link-requests">
      <h2 id="link-requests">{t('auth.linkRequests.heading')}</h2>
      <p>{t('auth.linkRequests.intro')}</p>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <QueryState query={requests}>
        {(data) => (
          <Table
            caption={t('auth.linkRequests.caption', { count: data.total })}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              {
                key: 'account',
                header: t('auth.linkRequests.account'),
                rowHeader: true,
                cell: (row) => (
                  <>
                    {row.account.displayName}
                    <br />
                    <span className="muted small">{row.account.email}</span>
                  </>
                ),
              },
              {
                key: 'access',
                header: t('auth.linkRequests.access'),
                cell: (row) =>
                  [
                    row.account.hasPassword ? t('auth.linkRequests.password') : null,
                    ...row.account.roles.map((role) => t(`auth.roles.${role}`)),
                  ]
                    .filter(Boolean)
                    .join(', ') || t('web.accounts.noRoles'),
              },
              {
                key: 'person',
                header: t('auth.linkRequests.person'),
                cell: (row) =>
                  row.person.employeeNumber
                    ? `${row.person.name} (${row.person.employeeNumber})`
                    : row.person.name,
              },
              {
                key: 'claims',
                header: t('auth.linkRequests.claims'),
                cell: (row) =>
                  [
                    row.claims.name,
                    row.claims.email,
                    row.claims.employeeNumber &&
                      t('auth.linkRequests.employeeNumber', { number: row.claims.employeeNumber }),
                  ]
                    .filter(Boolean)
                    .join(' · '),
              },
              {
                key: 'at',
                header: t('auth.linkRequests.requestedAt'),
                cell: (row) => formatDateTime(row.requestedAt),
              },
              {
                key: 'decide',
                header: t('web.accounts.actions'),
                cell: (row) => (
                  <span className="button-row">
                    <Button
                      variant="secondary"
                      isPending={decide.isPending && decide.variables?.id === row.id}
                      aria-label={t('auth.linkRequests.confirmFor', { name: row.account.displayName })}
                      onPress={() =>
                        decide.mutate({ id: row.id, decision: 'confirm', name: row.account.displayName })
                      }
                    >
                      {t('auth.linkRequests.confirm')}
                    </Button>
                    <Button
                      variant="quiet"
                      isDisabled={decide.isPending}
                      aria-label={t('auth.linkRequests.refuseFor', { name: row.account.displayName })}
                      onPress={() =>
                        decide.mutate({ id: row.id, decision: 'refuse', name: row.account.displayName })
                      }
                    >
                      {t('auth.linkRequests.refuse')}
                    </Button>
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

function RolesDialog({ account, onClose }: { account: AccountRow; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const units = useUnits();
  const locale = currentLocale();
  const [grants, setGrants] = useState<RoleGrant[]>(
    // Only granted roles come back here; the filter narrows the string to the roles the form can send.
    account.roles.flatMap(({ role, scopeUnitId }) => (isGrantable(role) ? [{ role, scopeUnitId }] : [])),
  );
  const [newRole, setNewRole] = useState<GrantableRole>('entity_coordinator');
  const [newScope, setNewScope] = useState<number | null>(null);
  const [addError, setAddError] = useState<string | undefined>();
  const entities = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => unit.kind === 'entity')
        .map((unit) => ({
          id: unit.id,
          label: pick(locale, unit.nameNl, unit.nameEn),
          description: unit.code,
        })),
    [units.data, locale],
  );
  const entityName = (id: number | null) =>
    entities.find((entity) => entity.id === id)?.label ?? String(id ?? '');

  const save = useMutation({
    mutationFn: () => api.authAdmin.setRoles({ params: { id: account.id }, body: { roles: grants } }),
    onSuccess: async () => {
      toast.show(t('web.accounts.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
      onClose();
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;

  const add = () => {
    const scoped = scopedRoles.includes(newRole);
    if (scoped && newScope === null) {
      setAddError(t('web.accounts.scopeRequired'));
      return;
    }
    const grant = { role: newRole, scopeUnitId: scoped ? newScope : null };
    if (grants.some((g) => g.role === grant.role && g.scopeUnitId === grant.scopeUnitId)) {
      setAddError(t('web.accounts.duplicate'));
      return;
    }
    setGrants([...grants, grant]);
    setAddError(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Dialog
      title={t('web.accounts.dialogTitle', { name: account.displayName })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <Form onSubmit={submit} className="form" validationBehavior="aria">
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <p className="muted small">{t('web.accounts.derivedHint')}</p>
        <h3>{t('web.accounts.current')}</h3>
        {grants.length === 0 ? <p>{t('web.accounts.noRoles')}</p> : null}
        <ul className="grant-list">
          {grants.map((grant) => {
            const label = `${t(`auth.roles.${grant.role}`)}${grant.scopeUnitId !== null ? ` – ${entityName(grant.scopeUnitId)}` : ''}`;
            return (
              <li key={`${grant.role}-${grant.scopeUnitId ?? ''}`} className="grant-list__item">
                <span>{label}</span>
                <Button
                  variant="quiet"
                  aria-label={t('web.accounts.removeLabel', { role: label })}
                  onPress={() => setGrants(grants.filter((g) => g !== grant))}
                >
                  {t('web.accounts.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
        <fieldset className="fieldset">
          <legend>{t('web.accounts.addHeading')}</legend>
          <Select
            label={t('web.accounts.role')}
            options={grantableRoles.map((role) => ({ id: role, label: t(`auth.roles.${role}`) }))}
            selectedKey={newRole}
            onSelectionChange={(key) => {
              setNewRole(key as GrantableRole);
              setAddError(undefined);
            }}
          />
          {scopedRoles.includes(newRole) ? (
            <ComboBox
              label={t('web.accounts.scope')}
              options={entities}
              selectedKey={newScope}
              onSelectionChange={(key) => {
                setNewScope(key === null ? null : Number(key));
                setAddError(undefined);
              }}
              errorMessage={addError}
            />
          ) : addError ? (
            <p className="field__error">{addError}</p>
          ) : null}
          <Button variant="secondary" onPress={add}>
            {t('web.accounts.add')}
          </Button>
        </fieldset>
        <div className="dialog__actions">
          <Button variant="secondary" onPress={onClose}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" isPending={save.isPending}>
            {t('web.accounts.save')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
