// Installs the workspace with pnpm when node_modules is missing or the lockfile changed.
// Only Node.js and npm are assumed: pnpm itself comes through npx, pinned to packageManager.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'pnpm-lock.yaml');
const stamp = join(root, 'node_modules', '.caseflow-install');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

const lockHash = existsSync(lockfile)
  ? createHash('sha256').update(readFileSync(lockfile)).digest('hex')
  : 'none';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) process.exit(0);

const args = ['--yes', `pnpm@${pnpmVersion}`, 'install'];
if (process.env.CI && existsSync(lockfile)) args.push('--frozen-lockfile');
console.log(`caseflow: installing dependencies (pnpm ${pnpmVersion})…`);
const result = spawnSync('npx', args, {
  cwd: root,
  stdio: 'inherit',
  // better-sqlite3 and other native modules compile here; there are no prebuilt downloads.
  env: { ...process.env, npm_config_build_from_source: 'true', npm_config_update_notifier: 'false' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
const newHash = existsSync(lockfile)
  ? createHash('sha256').update(readFileSync(lockfile)).digest('hex')
  : 'none';
writeFileSync(stamp, newHash);
