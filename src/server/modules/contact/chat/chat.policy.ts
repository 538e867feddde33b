import type { Principal } from '../../../http/access';
import type { ChatRow } from './chat.repo';

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
