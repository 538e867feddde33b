/**
 * Work that runs outside a request (hubs, timers, event handlers, sweeps) reports its failures here: logged
 * with context and counted per source in /metrics, so a failure is visible even when nobody is waiting for it.
 */
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';

export type BackgroundFailures = {
  /** Logs and counts a failure of one background path; never throws. */
  report(source: string, error: unknown, context?: Record<string, unknown>): void;
};

export function backgroundFailures(metrics: Registry, logger: Logger): BackgroundFailures {
  const counter =
    (metrics.getSingleMetric('background_failures_total') as Counter<'source'> | undefined) ??
    new Counter({
      name: 'background_failures_total',
      help: 'Failures of work outside requests (hubs, sweeps, event handlers), by source',
      labelNames: ['source'],
      registers: [metrics],
    });
  return {
    report(source, error, context = {}) {
      counter.inc({ source });
      logger.error({ ...context, source, err: error }, 'background work failed');
    },
  };
}
