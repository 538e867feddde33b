import type { Logger } from 'pino';
import type { Db } from './db/client';
import { modules } from './modules';
import { DEMO_EMAIL_DOMAIN, DEMO_ENTITY_CODE } from './modules/org/demo-org';
import type { IndicatorProvider } from './platform/indicators';

/** Data every installation needs (the official values framework, the public pages); idempotent. */
export async function seedBaseline(db: Db): Promise<void> {
  for (const module of modules) await module.baseline?.(db);
}

/** The synthetic demo organisation, its staff and the demo accounts, module by module; idempotent. */
export async function seedDemo(
  db: Db,
  options: { logger?: Logger; staff?: number; appSecret: string },
): Promise<void> {
  const context = {
    ...options,
    entityCode: DEMO_ENTITY_CODE,
    emailDomain: DEMO_EMAIL_DOMAIN,
    indicators: indicatorProviders(),
  };
  for (const module of modules) await module.demo?.(db, context);
}

/** Every module's indicator provider, in module order (what the monitor computes its figures from). */
export function indicatorProviders(): IndicatorProvider[] {
  return modules.flatMap((module) => (module.indicators ? [module.indicators] : []));
}
