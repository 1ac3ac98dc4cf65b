/**
 * The smallest flow that evaluates one condition when a case opens:
 *
 *   start → route ─when→ `then` (end)
 *                 └default→ `otherwise` (end)
 *
 * Hostile tests put a runaway or pattern-heavy expression in `when`.
 */
export function decisionFlow(key: string, name: string, when: string, then = 'big', otherwise = 'small') {
  const end = (id: string) => ({ id, type: 'end', outcome: 'resolved' });
  return {
    key,
    name,
    nodes: [{ id: 'start', type: 'start' }, { id: 'route', type: 'decision' }, end(then), end(otherwise)],
    edges: [
      { from: 'start', to: 'route' },
      { from: 'route', to: then, when },
      { from: 'route', to: otherwise, default: true },
    ],
  };
}
