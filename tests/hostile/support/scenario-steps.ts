import { expect } from 'vitest';
import type { ApiAnswer, RuntimeProcess } from '../../support/runtime-process';

/**
 * Sends `hostile` and, 20 ms later, GET /api/health: each answer with how long it took, so a
 * test can show that the runtime kept answering others while it dealt with the hostile input.
 */
export async function besideHealth(rt: RuntimeProcess, hostile: () => Promise<ApiAnswer>) {
  const t0 = Date.now();
  const pending = hostile().then((answer) => ({ answer, ms: Date.now() - t0 }));
  await new Promise((r) => setTimeout(r, 20));
  const h0 = Date.now();
  const health = await rt.api('GET', '/api/health');
  const healthMs = Date.now() - h0;
  return { ...(await pending), health, healthMs };
}

/** Saves `definition` as a draft, publishes it and makes that version active, as admin. */
export async function publishAndActivate(rt: RuntimeProcess, definition: { key: string }): Promise<void> {
  const { key } = definition;
  const saved = await rt.api('PUT', `/api/flows/${key}`, { as: 'admin', body: { definition } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const published = await rt.api('POST', `/api/flows/${key}/publish`, { as: 'admin', body: { note: 'v1' } });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const active = await rt.api('POST', `/api/flows/${key}/activate`, {
    as: 'admin',
    body: { version: published.body.version },
  });
  expect(active.status, JSON.stringify(active.body)).toBeLessThan(300);
}
