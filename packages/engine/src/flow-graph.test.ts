import type { FlowDefinitionInput } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { flowGraph, matchForkJoin, reachableFrom, reachingTo } from './flow-graph';

type Shape = Pick<FlowDefinitionInput, 'nodes' | 'edges'>;
const nodes = (spec: Record<string, string>) =>
  Object.entries(spec).map(([id, type]) => ({ id, type })) as unknown as Shape['nodes'];
const edges = (...pairs: string[]) =>
  pairs.map((p) => {
    const [from, to] = p.split('>');
    return { from: from!, to: to! };
  });
const shape = (n: Record<string, string>, ...e: string[]) =>
  ({ nodes: nodes(n), edges: edges(...e) }) as Parameters<typeof matchForkJoin>[0];

describe('flowGraph', () => {
  it('answers what is reachable forwards and backwards', () => {
    const g = flowGraph(
      shape({ s: 'start', a: 'decision', b: 'notify', e: 'end', x: 'notify' }, 's>a', 'a>b', 'b>e', 'a>e'),
    );
    expect([...reachableFrom(g, 's')].sort()).toEqual(['a', 'b', 'e', 's']);
    expect([...reachingTo(g, 'e')].sort()).toEqual(['a', 'b', 'e', 's']);
    expect(reachableFrom(g, 'x').has('e')).toBe(false);
  });
});

describe('matchForkJoin', () => {
  it('matches a fork with the join where its branches meet', () => {
    //   s → f ─┬→ a → b ─┬→ j → e
    //          └→ c ─────┘
    const r = matchForkJoin(
      shape(
        { s: 'start', f: 'parallel', a: 'notify', b: 'notify', c: 'notify', j: 'join', e: 'end' },
        's>f',
        'f>a',
        'a>b',
        'b>j',
        'f>c',
        'c>j',
        'j>e',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.regions.get('f')).toEqual({ fork: 'f', join: 'j', branches: [['a', 'b'], ['c']] });
    expect(r.scopeOf.get('c')).toEqual({ fork: 'f', branch: 1 });
    expect(r.scopeOf.has('e')).toBe(false);
  });

  it('nests a fork inside a branch', () => {
    //   s → f ─┬→ g ─┬→ a ─┬→ k → b ─┬→ j → e
    //          │     └→ c ─┘         │
    //          └→ d ─────────────────┘
    const r = matchForkJoin(
      shape(
        {
          s: 'start',
          f: 'parallel',
          g: 'parallel',
          a: 'notify',
          c: 'notify',
          k: 'join',
          b: 'notify',
          d: 'notify',
          j: 'join',
          e: 'end',
        },
        's>f',
        'f>g',
        'g>a',
        'g>c',
        'a>k',
        'c>k',
        'k>b',
        'b>j',
        'f>d',
        'd>j',
        'j>e',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.regions.get('f')?.branches).toEqual([['g', 'b'], ['d']]);
    expect(r.regions.get('g')).toEqual({ fork: 'g', join: 'k', branches: [['a'], ['c']] });
    expect(r.scopeOf.get('a')).toEqual({ fork: 'g', branch: 0 });
    expect(r.scopeOf.get('b')).toEqual({ fork: 'f', branch: 0 });
  });

  it('reports branches that meet before the join and joins without a fork', () => {
    const r = matchForkJoin(
      shape(
        { s: 'start', f: 'parallel', a: 'notify', b: 'notify', m: 'notify', j: 'join', x: 'join', e: 'end' },
        's>f',
        'f>a',
        'f>b',
        'a>m',
        'b>m',
        'm>j',
        'j>e',
        'x>e',
      ),
    );
    expect(r.problems.map((p) => [p.code, p.nodeId])).toEqual([
      ['fork-without-join', 'f'],
      ['join-without-fork', 'j'],
      ['join-without-fork', 'x'],
    ]);
  });

  it('lets a branch end the case instead of reaching the join', () => {
    const r = matchForkJoin(
      shape(
        { s: 'start', f: 'parallel', a: 'decision', b: 'notify', j: 'join', e: 'end', z: 'end' },
        's>f',
        'f>a',
        'f>b',
        'a>j',
        'a>z',
        'b>j',
        'j>e',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.regions.get('f')?.branches).toEqual([['a'], ['b']]);
  });
});
