import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type ApiAnswer, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { notifyFlow, openCase, publishFlow, timelineOf } from './support/fault-flows';
import { mountSmallDisk, type SmallDisk } from './support/small-disk';

/**
 * The disk under the SQLite file fills up, or becomes read-only, while the runtime runs: writes
 * are refused with 503 and a clear code (`storage`) — no 500, no hang, no crash — reads go on,
 * and the file is never corrupted (`PRAGMA integrity_check` after the fact) nor loses a write
 * that was answered 2xx. A runtime started on a read-only file stops with a clear message.
 * The disk is a small tmpfs of the test's own (root ignores file modes, so chmod proves nothing).
 */

const probe = mountSmallDisk(1);
const refused = 'refused' in probe ? probe.refused : null;
if (!('refused' in probe)) probe.destroy();
if (refused) console.warn(`SQLite storage fault tests SKIPPED: cannot mount a tmpfs (${refused})`);

interface Sent {
  caseId: string;
  body: string;
  answer: ApiAnswer;
}

describe.skipIf(refused !== null)('SQLite file on a full or read-only disk', () => {
  let disk: SmallDisk | null = null;
  let rt: RuntimeProcess | null = null;
  afterEach(async () => {
    await rt?.stop().catch(() => undefined);
    rt = null;
    disk?.destroy();
    disk = null;
  });
  afterAll(() => disk?.destroy());

  const mount = (mb: number): SmallDisk => {
    const d = mountSmallDisk(mb);
    if ('refused' in d) throw new Error(d.refused);
    disk = d;
    return d;
  };
  const send = async (runtime: RuntimeProcess, caseId: string, body: string): Promise<Sent> => ({
    caseId,
    body,
    answer: await runtime.api('POST', `/api/cases/${caseId}/messages`, {
      as: 'lena',
      body: { channel: 'email', body, from: 'agent' },
    }),
  });
  /** Every 2xx message stored exactly once with one timeline entry; refused ones at most once. */
  const expectAcknowledgedKept = async (runtime: RuntimeProcess, sent: Sent[]) => {
    for (const caseId of new Set(sent.map((s) => s.caseId))) {
      const res = await runtime.api('GET', `/api/cases/${caseId}/messages?limit=500`, { as: 'admin' });
      expect(res.status).toBe(200);
      const rows: Array<{ id: string; body: string }> = res.body.items;
      const entries = (await timelineOf(runtime, caseId)).filter((e) => e.type === 'message');
      expect(entries.map((e) => e.data.messageId).sort()).toEqual(rows.map((r) => r.id).sort());
      for (const s of sent.filter((x) => x.caseId === caseId)) {
        const n = rows.filter((r) => r.body === s.body).length;
        if (s.answer.status === 201) expect(n, s.body).toBe(1);
        else expect(n, s.body).toBeLessThanOrEqual(1);
      }
    }
  };
  const integrity = (file: string) => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('integrity_check', { simple: true });
    } finally {
      db.close();
    }
  };

  it('refuses writes with 503 storage when the disk is full, keeps reading, recovers when space returns', async () => {
    const d = mount(24);
    const file = join(d.dir, 'caseflow.db');
    rt = await startRuntime({ CASEFLOW_DB: file });
    await publishFlow(rt, notifyFlow);
    const cases = [await openCase(rt, notifyFlow.key, 0), await openCase(rt, notifyFlow.key, 1)];
    const sent: Sent[] = [];
    for (let i = 0; i < 6; i++) sent.push(await send(rt, cases[i % 2]!, `before ${i}`));
    expect(sent.every((s) => s.answer.status === 201)).toBe(true);

    expect(d.fill()).toBeGreaterThan(0);
    const full: Sent[] = [];
    // Large bodies make SQLite need new pages at once instead of reusing free space.
    for (let i = 0; i < 20; i++) full.push(await send(rt, cases[i % 2]!, `full ${i} ${'x'.repeat(19_000)}`));
    const refusedWrites = full.filter((s) => s.answer.status !== 201);
    expect(refusedWrites.length, JSON.stringify(full.map((s) => s.answer.status))).toBeGreaterThan(0);
    for (const s of refusedWrites) {
      expect(s.answer.status, JSON.stringify(s.answer.body)).toBe(503);
      expect(s.answer.body.error.code).toBe('storage');
      expect(s.answer.body.error.message).toMatch(/full|I\/O/);
    }
    // Reads do not need space.
    expect((await rt.api('GET', `/api/cases/${cases[0]}`, { as: 'lena' })).status).toBe(200);

    d.unfill();
    const after: Sent[] = [];
    for (let i = 0; i < 6; i++) after.push(await send(rt, cases[i % 2]!, `after ${i}`));
    expect(after.map((s) => s.answer.status)).toEqual(Array(6).fill(201));
    await expectAcknowledgedKept(rt, [...sent, ...full, ...after]);

    await rt.kill('SIGTERM');
    expect(integrity(file)).toBe('ok');
    await rt.restart();
    await expectAcknowledgedKept(rt, [...sent, ...full, ...after]);
  });

  it('will not start on a read-only disk, says why, and the file is intact afterwards', async () => {
    const d = mount(24);
    const file = join(d.dir, 'caseflow.db');
    rt = await startRuntime({ CASEFLOW_DB: file });
    await publishFlow(rt, notifyFlow);
    const caseId = await openCase(rt, notifyFlow.key, 0);
    const sent: Sent[] = [];
    for (let i = 0; i < 4; i++) sent.push(await send(rt, caseId, `before ${i}`));
    expect(sent.every((s) => s.answer.status === 201)).toBe(true);

    // A running SQLite file cannot be remounted read-only (the mount is busy): the process
    // stops, the disk turns read-only, and a start on it must fail at once and say why.
    await rt.kill('SIGTERM');
    d.readOnly(true);
    const failed = await rt.restart().then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failed, 'the runtime must not start on a read-only database').not.toBeNull();
    expect(failed).toMatch(/runtime exited with 1/);
    expect(failed).toMatch(
      /failed to start: cannot open the SQLite database .* for writing: the file system holding the database is read-only/,
    );

    d.readOnly(false);
    expect(integrity(file)).toBe('ok');
    await rt.restart();
    await expectAcknowledgedKept(rt, sent);
    // And it writes again.
    expect((await send(rt, caseId, 'after')).answer.status).toBe(201);
  });
});
