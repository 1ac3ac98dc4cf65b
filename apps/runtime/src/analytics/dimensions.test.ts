import { describe, expect, it } from 'vitest';
import { dimensionValues, groupCases } from './dimensions';
import { fact, task } from './test-facts';

describe('dimensions', () => {
  const c = fact('a', { cohort: 'pilot', version: 2, channel: 'chat', catalogItem: 'refund' });
  const tasks = [
    task('1', 'a', { tier: 'L1', group: 'front', assignee: 'bo', createdAt: 1 }),
    task('2', 'a', { tier: 'L2', group: 'experts', assignee: 'eve', createdAt: 2 }),
  ];
  it('reads a case under each dimension; tier and group of the latest task; every agent', () => {
    expect(dimensionValues(c, 'cohort', tasks)).toEqual(['pilot']);
    expect(dimensionValues(c, 'version', tasks)).toEqual(['2']);
    expect(dimensionValues(c, 'channel', tasks)).toEqual(['chat']);
    expect(dimensionValues(c, 'catalogItem', tasks)).toEqual(['refund']);
    expect(dimensionValues(c, 'tier', tasks)).toEqual(['L2']);
    expect(dimensionValues(c, 'group', tasks)).toEqual(['experts']);
    expect(dimensionValues(c, 'agent', tasks)).toEqual(['bo', 'eve']);
    expect(dimensionValues(fact('b'), 'agent', [])).toEqual(['none']);
    expect(dimensionValues(fact('b'), 'cohort', [])).toEqual(['none']);
  });
  it('groups by combinations; a case with two agents lands in both groups', () => {
    const groups = groupCases([c, fact('b', { channel: 'chat' })], ['channel', 'agent'], (id) =>
      id === 'a' ? tasks : [],
    );
    expect(groups.map((g) => [g.key, g.cases.map((x) => x.id)])).toEqual([
      [{ channel: 'chat', agent: 'bo' }, ['a']],
      [{ channel: 'chat', agent: 'eve' }, ['a']],
      [{ channel: 'chat', agent: 'none' }, ['b']],
    ]);
  });
});
