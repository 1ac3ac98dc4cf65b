import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';
import { MAX_METRICS_PERIOD_DAYS } from './metrics.routes';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const metrics = (query: string) => f.call('GET', `/api/metrics${query}`, { as: 'olivia' });
const fields = (body: unknown) =>
  ((body as { error: { details?: Array<{ path: string }> } }).error.details ?? []).map((d) => d.path);

describe('GET /metrics: the period', () => {
  it('answers a period within the bound', async () => {
    const res = await metrics('?from=2025-01-01&to=2026-01-01');
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses `to` before `from`, naming `to`', async () => {
    const res = await metrics('?from=2027-01-01&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(fields(res.body)).toContain('to');
  });

  it(`refuses a period of more than ${MAX_METRICS_PERIOD_DAYS} days at once, naming the field that widened it`, async () => {
    const wide = await metrics('?from=0001-01-01&to=9999-12-31');
    expect(wide.status).toBe(400);
    expect(fields(wide.body)).toEqual(['from']);
    // Without `from` the period starts at the first case: a far `to` is what widened it.
    const far = await metrics('?to=9999-12-31');
    expect(far.status).toBe(400);
    expect(fields(far.body)).toEqual(['to']);
  });
});
