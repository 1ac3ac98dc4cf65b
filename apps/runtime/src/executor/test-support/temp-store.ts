import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../store/sqlite/sqlite-store';
import type { Store } from '../../store/store';
import type { Logger } from '../types';

/** A real SQLite store on a fresh temp file, and a function that closes and deletes it. */
export async function tempStore(): Promise<{ store: Store; file: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-test-'));
  const file = join(dir, 'caseflow.db');
  const store = await openSqliteStore({ file });
  return {
    store,
    file,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A logger that keeps its lines for assertions. */
export function memoryLogger(): Logger & { lines: Array<{ level: string; obj: unknown; msg?: string }> } {
  const lines: Array<{ level: string; obj: unknown; msg?: string }> = [];
  const at = (level: string) => (obj: unknown, msg?: string) => {
    lines.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
