import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of drizzle-kit migrations for `dialect` (apps/runtime/drizzle/<dialect>). Found by
 * walking up from this module, so it resolves both from src/store (tsx, vitest) and from the
 * esbuild bundle dist/main.js, whose import.meta.url is the bundle itself.
 */
export function migrationsFolder(dialect: 'sqlite' | 'pg'): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'drizzle', dialect);
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`drizzle/${dialect} migrations not found above ${start}`);
    dir = parent;
  }
}
