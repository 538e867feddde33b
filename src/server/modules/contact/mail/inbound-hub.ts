import type { Hub, ModuleDeps } from '../../../platform/module';
import type { startInboundSmtp } from './inbound-smtp';

/**
 * The listener for citizens' replies by mail, as a hub the runtime starts and stops. It listens only when
 * `contactMail.inboundSmtpPort` is configured; the listener module is imported then and not before, because
 * its mail parser alone costs about 0.3 s of every start.
 */
export function inboundSmtpHub(
  deps: Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'logger' | 'events' | 'background'>,
): Hub {
  let listener: Awaited<ReturnType<typeof startInboundSmtp>> | undefined;
  return {
    async start() {
      const port = deps.config.contactMail.inboundSmtpPort;
      if (port === undefined || listener) return;
      const { startInboundSmtp } = await import('./inbound-smtp');
      listener = await startInboundSmtp(deps, { port, host: deps.config.host });
    },
    async stop() {
      const running = listener;
      listener = undefined;
      await running?.close();
    },
  };
}
