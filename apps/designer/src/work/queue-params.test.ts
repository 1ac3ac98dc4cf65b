import { describe, expect, it } from 'vitest';
import { queueParams } from './queue-params';

describe('queueParams', () => {
  it('reads scope, group and sort from the URL with safe defaults', () => {
    expect(queueParams(new URLSearchParams(''))).toEqual({ scope: 'mine', sort: 'risk' });
    expect(queueParams(new URLSearchParams('scope=all&group=card-ops&sort=age'))).toEqual({
      scope: 'all',
      group: 'card-ops',
      sort: 'age',
    });
    expect(queueParams(new URLSearchParams('scope=evil&sort=drop'))).toEqual({ scope: 'mine', sort: 'risk' });
  });
});
