import { describe, expect, it } from 'vitest';
import { error, orderProblems, pathText, warning } from './problems';

describe('orderProblems', () => {
  it('orders by path, numbers numerically and before names, parents before children', () => {
    const problems = [
      error('schema', 'c', ['nodes', 10]),
      error('schema', 'b', ['nodes', 2, 'title']),
      error('missing-start', 'a', ['nodes']),
      error('schema', 'd', ['calendar']),
      error('schema', 'e', ['nodes', 2]),
      error('schema', 'f', []),
    ];
    expect(orderProblems(problems).map((p) => p.message)).toEqual(['f', 'd', 'a', 'e', 'b', 'c']);
  });

  it('drops exact repeats but keeps problems that differ in anything but severity', () => {
    const a = error('dangling-edge', 'x', ['edges', 0, 'to'], { edgeId: 'a->b' });
    const sameAgain = error('dangling-edge', 'x', ['edges', 0, 'to'], { edgeId: 'a->b' });
    const otherEdge = error('dangling-edge', 'x', ['edges', 0, 'to'], { edgeId: 'a->c' });
    expect(orderProblems([a, sameAgain, otherEdge])).toEqual([a, otherEdge]);
  });

  it('leaves out optional fields that are not given, so problems stay plain JSON', () => {
    expect(warning('edge-without-route', 'm', ['edges', 1], { nodeId: undefined, hint: 'h' })).toEqual({
      severity: 'warning',
      code: 'edge-without-route',
      message: 'm',
      path: ['edges', 1],
      hint: 'h',
    });
  });
});

describe('pathText', () => {
  it('writes paths as a reader would', () => {
    expect(pathText(['nodes', 3, 'outcomes', 1])).toBe('nodes[3].outcomes[1]');
    expect(pathText([])).toBe('(the definition)');
  });
});
