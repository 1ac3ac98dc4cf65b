/*
 * The smallest flow a publish-and-activate test needs, as data (runtime route tests and the
 * HTTP scenarios share it): start → ask (an L1 service-desk task titled `title`: done) → closed.
 * A new title makes a new version.
 */
export const oneTaskFlow = (key: string, name: string, title: string) => ({
  key,
  name,
  tiers: [{ id: 'L1', name: 'Desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'ask', type: 'task', title, assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'ask' },
    { from: 'ask', to: 'closed', on: 'done' },
  ],
});
