import type { Principal } from '../../../http/access';
import type { ChatRow } from './chat.repo';

/**
 * Browsers send cookies on cross-site WebSocket handshakes too (no CORS there), so the agent socket, which
 * authenticates by the session cookie, is only opened from our own origin. No origin: not a browser.
 */
export function isOwnOrigin(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: string,
): boolean {
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.host === host || url.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** The agent console and its socket: agents, and supervisors who take chats themselves. */
export function canUseAgentConsole(principal: Principal): boolean {
  return principal.roles.includes('contact_agent') || principal.roles.includes('contact_supervisor');
}

/** Agents write only in the active chats routed to them; nobody writes in a closed or waiting chat. */
export function canActOnChat(
  principal: Principal,
  chat: Pick<ChatRow, 'status' | 'agent_account_id'>,
): boolean {
  return chat.status === 'active' && chat.agent_account_id === principal.accountId;
}

/** A chat is handed to a colleague, never to oneself (that would only reset its place). */
export function canTransferTo(principal: Principal, toAccountId: number): boolean {
  return toAccountId !== principal.accountId;
}
