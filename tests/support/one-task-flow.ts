/*
 * The smallest flow a publish-and-activate test needs, as data (runtime route tests and the
 * HTTP scenarios share it): start → ask (a task of tier L1 titled `title`: done) → closed; L1 is
 * the service desk unless `group` says another group. A new title makes a new version.
 */
export const oneTaskFlow = (key: string, name: string, title: string, group = 'service-desk') => ({
  key,
  name,
  tiers: [{ id: 'L1', name: 'Desk', group }],
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
