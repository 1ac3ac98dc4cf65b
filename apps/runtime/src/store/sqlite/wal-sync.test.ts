import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WalSync } from './wal-sync';

/** A sync function whose calls the test finishes one by one. */
function manualSync() {
  const calls: Array<{ done: () => void; fail: (e: Error) => void }> = [];
  const sync = () => new Promise<void>((resolve, reject) => calls.push({ done: resolve, fail: reject }));
  return { calls, sync };
}

describe('WalSync', () => {
  it('syncs the WAL file once for a lone caller', async () => {
    const { calls, sync } = manualSync();
    const wal = new WalSync('/db/caseflow.db-wal', sync);
    const a = wal.flush();
    expect(calls).toHaveLength(1);
    calls[0]!.done();
    await a;
    await wal.close();
    expect(calls).toHaveLength(1);
  });

  it('answers a caller that arrives during a sync only after a sync begun after its call', async () => {
    const { calls, sync } = manualSync();
    const wal = new WalSync('wal', sync);
    const early = wal.flush();
    const late = [wal.flush(), wal.flush()];
    let lateDone = 0;
    for (const p of late) p.then(() => lateDone++);
    expect(calls).toHaveLength(1);
    calls[0]!.done();
    await early;
    // The late callers' writes may have missed the first sync: they share the second.
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(lateDone).toBe(0);
    calls[1]!.done();
    await Promise.all(late);
    expect(calls).toHaveLength(2);
  });

  it('fails the callers of a failed sync and syncs again for the next', async () => {
    const { calls, sync } = manualSync();
    const wal = new WalSync('wal', sync);
    const failed = wal.flush();
    calls[0]!.fail(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    const next = wal.flush();
    expect(calls).toHaveLength(2);
    calls[1]!.done();
    await next;
    await wal.close();
  });
});

describe('WalSync on a real file', () => {
  it('syncs the WAL file, and passes over a WAL not written yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-wal-'));
    try {
      const missing = new WalSync(join(dir, 'none.db-wal'));
      await missing.flush();
      await missing.close();
      writeFileSync(join(dir, 'db-wal'), 'frames');
      const wal = new WalSync(join(dir, 'db-wal'));
      await Promise.all([wal.flush(), wal.flush(), wal.flush()]);
      await wal.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
