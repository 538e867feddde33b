import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '../ui/Alert';
import { PageTitle } from '../ui/PageTitle';
import { ErrorAlert, Loading } from '../ui/QueryState';
import { paths } from './paths';
import { hasRole, useMe } from './session';
import type { Role } from './types';

/** Signed-in pages: without a session, go to sign-in and come back; without the role, say so. */
export function RequireRole({ roles }: { roles?: Role[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`${paths.signIn}?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (roles && !hasRole(me.data, ...roles)) {
    return (
      <>
        <PageTitle>{t('web.forbidden.title')}</PageTitle>
        <Alert tone="warning">{t('web.forbidden.text')}</Alert>
      </>
    );
  }
  return <Outlet />;
}

/** Plain loading text before the app shell exists (no layout yet, so no landmarks to repeat). */
export function HydrateFallback() {
  return <Loading />;
}
