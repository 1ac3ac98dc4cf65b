import { publishFlow } from '../faults/support/fault-flows';
import type { RuntimeProcess } from './runtime-process';

/*
 * The flow the chat tests (HTTP, hostile and browser) open chats with: it takes new cases on
 * the chat channel, and each becomes one L1 service-desk task ("Answer the chat") that `done`
 * resolves.
 */

/** The chat flow under `key` and `name` (each suite keeps its own). */
export const chatFlow = (key: string, name: string) => ({
  key,
  name,
  kind: 'case',
  calendar: '24x7',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'case', channels: ['chat'] } },
    { id: 'answer', type: 'task', title: 'Answer the chat', assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'closed', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'answer' },
    { from: 'answer', to: 'closed', on: 'done' },
  ],
});

/**
 * Publishes the chat flow as olivia. A refusal is passed over: the demo may bind the chat
 * channel to a flow already, and then that one takes new chats.
 */
export async function publishChatFlow(rt: RuntimeProcess, key: string, name: string): Promise<void> {
  await publishFlow(rt, chatFlow(key, name)).catch(() => undefined);
}
