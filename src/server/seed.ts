import type { Logger } from 'pino';
import type { Db } from './db/client';

/** Data every installation needs (the official values framework, the public pages); idempotent. */
export async function seedBaseline(_db: Db): Promise<void> {
  // Filled in by the values and content modules.
}

/** The synthetic demo organisation, its staff and the demo accounts; idempotent. */
export async function seedDemo(_db: Db, _options: { logger?: Logger; staff?: number } = {}): Promise<void> {
  // Filled in by the org and auth modules.
}
