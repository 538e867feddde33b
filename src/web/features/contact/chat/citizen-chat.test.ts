import { describe, expect, it } from 'vitest';
import { citizenChatReducer, initialChatState, type Message } from './useCitizenChat';

const message = (id: number, clientId: string, sender: Message['sender'] = 'citizen'): Message => ({
  id,
  clientId,
  sender,
  text: `bericht ${id}`,
  createdAt: '2027-01-04T09:00:00.000Z',
});

describe('the citizen chat state', () => {
  it('shows a message once, whether the acknowledgement or the echo comes first', () => {
    let state = citizenChatReducer(initialChatState(false), {
      type: 'pending',
      item: { clientId: 'c-1', text: 'bericht 1' },
    });
    expect(state.pending).toHaveLength(1);
    state = citizenChatReducer(state, { type: 'ack', clientId: 'c-1', message: message(1, 'c-1') });
    state = citizenChatReducer(state, { type: 'message', message: message(1, 'c-1') });
    expect(state.messages.map((m) => m.id)).toEqual([1]);
    expect(state.pending).toEqual([]);
  });

  it('takes the server’s state after a reconnect as the truth, keeping only unacknowledged messages pending', () => {
    let state = initialChatState(true);
    expect(state.phase).toBe('starting');
    state = citizenChatReducer(state, { type: 'pending', item: { clientId: 'c-1', text: 'een' } });
    state = citizenChatReducer(state, { type: 'pending', item: { clientId: 'c-2', text: 'twee' } });
    state = citizenChatReducer(state, {
      type: 'state',
      frame: {
        type: 'state',
        chatId: 7,
        status: 'waiting',
        position: 3,
        estimatedWaitSeconds: 120,
        offerEmail: false,
        agentName: null,
        messages: [message(7, 'c-1')],
        confirmEverySeconds: 10,
        transcript: { email: 'burger@example.org', sent: false },
      },
    });
    expect(state).toMatchObject({
      phase: 'waiting',
      position: 3,
      estimate: 120,
      confirmEvery: 10,
      transcriptAddress: 'burger@example.org',
      transcriptSentTo: null,
    });
    expect(state.pending.map((p) => p.clientId)).toEqual(['c-2']);
  });

  it('stops the agent’s typing sign with their message and keeps the feedback token after the close', () => {
    let state = citizenChatReducer(initialChatState(false), { type: 'assigned', agentName: 'Jens' });
    state = citizenChatReducer(state, { type: 'typing', typing: true });
    state = citizenChatReducer(state, { type: 'message', message: message(2, 'a-1', 'agent') });
    expect(state).toMatchObject({ phase: 'active', agentName: 'Jens', typing: false });
    state = citizenChatReducer(state, { type: 'closed', feedbackToken: 'token' });
    state = citizenChatReducer(state, { type: 'closed', feedbackToken: null });
    expect(state).toMatchObject({ phase: 'closed', feedbackToken: 'token' });
    state = citizenChatReducer(state, { type: 'restart' });
    expect(state).toMatchObject({ phase: 'idle', messages: [], feedbackToken: null, agentName: null });
  });

  it('goes back to the start form when the server no longer knows the chat', () => {
    const state = citizenChatReducer(
      { ...initialChatState(true), phase: 'waiting' },
      { type: 'error', message: 'Dit gesprek bestaat niet meer.', unknownChat: true },
    );
    expect(state).toMatchObject({ phase: 'idle', error: 'Dit gesprek bestaat niet meer.' });
  });
});
