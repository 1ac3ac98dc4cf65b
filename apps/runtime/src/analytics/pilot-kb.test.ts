import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supportFlow } from '../executor/test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from '../executor/test-support/runtime-fixture';
import { saveArticle } from '../kb/test-support/kb-fixtures';
import { loadMetricFacts } from './metric-facts';
import { pilotKb } from './pilot-kb';
import { pilotReport } from './pilot-report';

const v2: FlowDefinitionInput = { ...supportFlow, name: 'Support v2' };
const HOUR = 3_600_000;

describe('knowledge-base figures of a pilot, per cohort', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
    await f.publish(v2);
    await f.store.users.create({ username: 'root', passwordHash: 'x', roles: ['admin'], createdAt: T0 });
    await f.store.customers.create({ id: 'cu-2', name: 'Bruno', createdAt: T0 });
    await f.store.customers.create({ id: 'cu-3', name: 'Dora', createdAt: T0 });
    await saveArticle(f.store, { slug: 'block-card', locale: 'en', title: 'Block a card' });
  });
  afterEach(async () => f?.dispose());

  const vote = (customerId: string, helpful: boolean, draftId: string, at: number) =>
    f.store.kb.vote({
      slug: 'block-card',
      locale: 'en',
      username: `u-${customerId}-${draftId}`,
      customerId,
      helpful,
      reason: null,
      draftId,
      catalogItem: null,
      at,
    });
  const view = (customerId: string, at: number) =>
    f.store.kb.recordView({ slug: 'block-card', locale: 'en', username: null, customerId, at });

  it('splits views, votes and deflections by the cohort of each customer, and compares the rates', async () => {
    // cu-1 is in the pilot by name; cu-2 and cu-3 fall in control (no percentage or segment).
    const pilot = await f.runtime.startPilot(
      'support',
      { version: 2, percentage: 0, segments: [], customerIds: ['cu-1'], note: '' },
      'root',
    );
    f.clock.advance('PT1H');
    await view('cu-1', T0 + HOUR);
    await view('cu-1', T0 + HOUR + 1);
    await view('cu-2', T0 + HOUR);
    await view('cu-3', T0 - HOUR); // before the pilot: not counted
    // cu-1: solved and opened nothing → deflected. cu-2: solved, then opened a case → not deflected.
    await vote('cu-1', true, 'd1', T0 + HOUR);
    await vote('cu-2', true, 'd2', T0 + HOUR);
    await vote('cu-3', false, 'd3', T0 + HOUR);
    const opened = await f.runtime.openCase({
      flow: 'support',
      customerId: 'cu-2',
      channel: 'web',
      actor: 'ann',
    });
    expect(opened.cohort).toBe('control');
    f.clock.advance('PT1H');

    const facts = await loadMetricFacts(f.store, { pilotId: pilot.id });
    const kb = await pilotKb(f.store, pilot, facts.cases, f.clock.now());
    expect(kb.pilot).toMatchObject({ articleViews: 2, helpful: 1, notHelpful: 0, deflected: 1, requests: 0 });
    expect(kb.control).toMatchObject({
      articleViews: 1,
      helpful: 1,
      notHelpful: 1,
      deflected: 0,
      requests: 1,
    });
    expect(kb.pilot.deflectionRate).toBe(1);
    expect(kb.control.deflectionRate).toBe(0);

    const report = pilotReport(facts, () => undefined, kb);
    expect(report.kb).toEqual(kb);
    expect(report.comparison.find((c) => c.metric === 'helpfulRate')).toMatchObject({
      pilot: 1,
      control: 0.5,
      pilotCount: 1,
      controlCount: 2,
    });
    expect(report.comparison.find((c) => c.metric === 'deflectionRate')).toMatchObject({
      pilot: 1,
      control: 0,
    });
  });
});
