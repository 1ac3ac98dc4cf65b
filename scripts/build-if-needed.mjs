// Builds the runtime and designer unless their outputs are newer than every source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['apps/runtime/dist/main.js', 'apps/designer/dist/index.html'].map((p) => join(root, p));
const sources = [
  'packages/schema/src',
  'packages/engine/src',
  'apps/runtime/src',
  'apps/designer/src',
  'examples',
];

function newest(dir) {
  let max = 0;
  if (!existsSync(dir)) return max;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const built = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
const changed = Math.max(...sources.map((s) => newest(join(root, s))));
if (built > changed) process.exit(0);
console.log('caseflow: building runtime and designer…');
const r = spawnSync('pnpm', ['-r', 'run', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
