import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../app/guards';
import { paths } from '../../app/paths';

function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/** The monitor's staff pages; which entity someone sees is the server's policy (monitor.policy.ts). */
export const monitorRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['entity_coordinator', 'top_executive', 'programme_admin']} />,
    children: [
      { path: paths.monitor, lazy: page(() => import('./DashboardPage'), 'DashboardPage') },
      { path: paths.monitorCatalogue, lazy: page(() => import('./CataloguePage'), 'CataloguePage') },
    ],
  },
  {
    element: <RequireRole roles={['programme_admin']} />,
    children: [{ path: paths.monitorTargets, lazy: page(() => import('./TargetsPage'), 'TargetsPage') }],
  },
];
