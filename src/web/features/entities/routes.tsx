import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../app/guards';
import { paths } from '../../app/paths';

function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/**
 * The pages of action plans and the decision touchstone, loaded on demand. Each guard admits the roles whose
 * API calls can succeed; which unit or entity someone sees is the server's policy.
 */
export const entitiesPlansRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['employee', 'entity_coordinator', 'top_executive', 'programme_admin']} />,
    children: [{ path: paths.actionPlan, lazy: page(() => import('./plans/PlanPage'), 'PlanPage') }],
  },
  {
    element: <RequireRole roles={['manager', 'entity_coordinator', 'top_executive', 'programme_admin']} />,
    children: [
      { path: paths.actionPlanRollup, lazy: page(() => import('./plans/RollupPage'), 'RollupPage') },
      { path: paths.touchstone, lazy: page(() => import('./touchstone/DecisionsPage'), 'DecisionsPage') },
      {
        path: paths.touchstoneDecision,
        lazy: page(() => import('./touchstone/DecisionPage'), 'DecisionPage'),
      },
    ],
  },
  {
    element: <RequireRole roles={['entity_coordinator', 'top_executive', 'programme_admin']} />,
    children: [
      {
        path: paths.touchstoneIndicator,
        lazy: page(() => import('./touchstone/IndicatorPage'), 'IndicatorPage'),
      },
    ],
  },
  {
    // A 360° round is for anyone signed in with a person record; the server refuses the others.
    element: <RequireRole />,
    children: [
      { path: paths.feedback360, lazy: page(() => import('./feedback360/RoundsPage'), 'RoundsPage') },
      { path: paths.feedback360Round, lazy: page(() => import('./feedback360/RoundPage'), 'RoundPage') },
    ],
  },
  {
    element: <RequireRole roles={['entity_coordinator', 'top_executive', 'programme_admin']} />,
    children: [
      {
        path: paths.feedback360Entity,
        lazy: page(() => import('./feedback360/AggregatePage'), 'AggregatePage'),
      },
    ],
  },
  {
    element: <RequireRole roles={['programme_admin']} />,
    children: [
      { path: paths.actionPlanCoverage, lazy: page(() => import('./plans/CoveragePage'), 'CoveragePage') },
      { path: paths.actionPlanProjects, lazy: page(() => import('./plans/ProjectsPage'), 'ProjectsPage') },
    ],
  },
];
