import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import { createMetrics } from './prometheus';

let store: Store;
beforeEach(async () => {
  store = await openSqliteStore({ file: ':memory:' });
});
afterEach(() => store.close());

describe('Prometheus metrics', () => {
  it('renders counters with labels and zero lines before anything happened', async () => {
    const m = createMetrics();
    const empty = await m.render(store, 0);
    expect(empty).toContain('# TYPE caseflow_cases_opened_total counter\ncaseflow_cases_opened_total 0');
    m.caseOpened('lost-card');
    m.caseOpened('lost-card');
    m.caseClosed('lost-card', 'resolved');
    m.event('task.complete');
    const text = await m.render(store, 0);
    expect(text).toContain('caseflow_cases_opened_total{flow="lost-card"} 2');
    expect(text).toContain('caseflow_cases_closed_total{flow="lost-card",status="resolved"} 1');
    expect(text).toContain('caseflow_events_total{type="task.complete"} 1');
  });

  it('reports how late the oldest due timer is and the outbox backlog', async () => {
    await store.timers.schedule({ caseId: 'k1', timerId: 'k1.tm1', fireAt: 1000, purpose: 'sla' });
    for (const n of [1, 2, 3]) {
      await store.outbox.insert({
        id: `o${n}`,
        caseId: null,
        kind: 'notify',
        idempotencyKey: `key-${n}`,
        payload: {},
        createdAt: 0,
        nextAttemptAt: 0,
      });
    }
    const text = await createMetrics().render(store, 6000);
    expect(text).toContain('caseflow_timer_lag_seconds 5');
    expect(text).toContain('caseflow_outbox_backlog 3');
    expect(text).toContain('caseflow_outbox_lag_seconds 6');
    expect(await createMetrics().render(store, 500)).toContain('caseflow_timer_lag_seconds 0');
  });

  it('escapes label values', async () => {
    const m = createMetrics();
    m.caseOpened('we"ird\\flow');
    expect(await m.render(store, 0)).toContain('{flow="we\\"ird\\\\flow"}');
  });
});
