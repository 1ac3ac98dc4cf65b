// The whole test command: lint, typecheck, build, then every vitest project (unit, designer
// components, HTTP scenarios and browser tests), closing with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
};
const fail = (what) => {
  console.error(`\n✗ ${what} failed`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
};

if (run('biome', ['check', '.']) !== 0) fail('lint (biome check)');
if (run('pnpm', ['-r', '--no-bail', 'run', 'typecheck']) !== 0) fail('typecheck');
if (run('tsc', ['-p', 'tsconfig.json']) !== 0) fail('typecheck of tests and benches');
if (run('pnpm', ['-r', 'run', 'build']) !== 0) fail('build');

const artifacts = join(root, 'tests', '.artifacts');
mkdirSync(artifacts, { recursive: true });
const report = join(artifacts, 'vitest.json');
const extra = process.argv.slice(2);
const status = run('vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
