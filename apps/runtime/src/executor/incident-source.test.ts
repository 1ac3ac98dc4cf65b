import { describe, expect, it } from 'vitest';
import { commandSource } from './incident-source';

describe('commandSource', () => {
  const open = (variables: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    commandSource('openCase', [
      { flow: 'f', customerId: 'c-1', channel: 'web', variables, actor: 'carla', ...more },
    ]);

  it('keys a command by what it acts on and who asks, not by the data it carries', () => {
    // A customer resubmitting a failing request with other values bumps one incident.
    expect(open({ n: 1 }).key).toBe(open({ n: 2, note: 'x'.repeat(1000) }).key);
    expect(open({ n: 1 }).args).toEqual([
      { flow: 'f', customerId: 'c-1', channel: 'web', variables: { n: 1 }, actor: 'carla' },
    ]);
    const message = (body: string) =>
      commandSource('addMessage', ['case-1', { channel: 'web', body, from: 'customer', author: 'carla' }]);
    expect(message('a').key).toBe(message('b').key);
    const complete = (comment: string) =>
      commandSource('completeTask', ['t-1', { outcome: 'approve', comment }, 'nora']);
    expect(complete('a').key).toBe(complete('b').key);
    const request = (values: Record<string, unknown>, actor = 'carla') =>
      commandSource('requestFromCatalog', [{ item: 'card', values, actor }]);
    expect(request({ n: 1 }).key).toBe(request({ n: 2 }).key);
    expect(request({ n: 1 }).key).not.toBe(request({ n: 1 }, 'ben').key);
  });

  it('keeps apart other targets, requesters and outcomes', () => {
    const keys = [
      open({}).key,
      open({}, { flow: 'g' }).key,
      open({}, { customerId: 'c-2' }).key,
      open({}, { actor: 'lena' }).key,
      commandSource('completeTask', ['t-1', { outcome: 'approve' }, 'nora']).key,
      commandSource('completeTask', ['t-1', { outcome: 'reject' }, 'nora']).key,
      commandSource('completeTask', ['t-2', { outcome: 'approve' }, 'nora']).key,
      commandSource('completeTask', ['t-1', { outcome: 'approve' }, 'marco']).key,
      commandSource('claimTask', ['t-1', 'nora']).key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
