import type { CatalogItem } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { groupCatalog } from './catalog-groups';

const item = (key: string, category: string, active = true): CatalogItem =>
  ({
    key,
    name: `Item ${key}`,
    category,
    description: `About ${key}`,
    icon: 'help',
    form: { type: 'object', properties: {}, required: [] },
    flow: 'f',
    active,
    updatedAt: '2026-01-05T08:00:00.000Z',
  }) as CatalogItem;

const keys = (groups: Array<[string, CatalogItem[]]>) =>
  groups.map(([c, list]) => [c, list.map((i) => i.key)]);

describe('groupCatalog', () => {
  const items = [item('reset', 'Access'), item('card', 'Cards'), item('old', 'Access', false)];

  it('groups offered items by category, sorted, and filters by the search text', () => {
    expect(keys(groupCatalog(items, ''))).toEqual([
      ['Access', ['reset']],
      ['Cards', ['card']],
    ]);
    expect(keys(groupCatalog(items, '  CARD '))).toEqual([['Cards', ['card']]]);
  });

  it('keeps items that are not offered when asked (owners edit them)', () => {
    expect(keys(groupCatalog(items, '', true))).toEqual([
      ['Access', ['reset', 'old']],
      ['Cards', ['card']],
    ]);
  });
});
