/*
 * Preloaded into the runtime process (`node --require`) by time-statements-http.ts: wraps
 * better-sqlite3's `exec` and every prepared statement's run/get/all, and on exit writes the
 * time spent per statement (and how long BEGIN/COMMIT/SAVEPOINT took, bucketed) to the file
 * named by STATEMENT_TIMING_OUT.
 */
const { createRequire } = require('node:module');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const Database = createRequire(join(__dirname, '..', '..', 'apps', 'runtime', 'package.json'))(
  'better-sqlite3',
);
const out = process.env.STATEMENT_TIMING_OUT;
const totals = new Map(); // sql -> [calls, ns]
const buckets = new Map(); // exec sql -> { bucket: count }
const slowest = new Map(); // exec sql -> ns
const bucketOf = (ns) =>
  ns < 1e5 ? '<0.1ms' : ns < 1e6 ? '<1ms' : ns < 5e6 ? '<5ms' : ns < 2e7 ? '<20ms' : '>=20ms';
const normal = (sql) => sql.replace(/\s+/g, ' ').replace(/gc\d+/g, 'gcN').slice(0, 110);

function add(key, ns, isExec) {
  const t = totals.get(key) ?? [0, 0];
  t[0] += 1;
  t[1] += ns;
  totals.set(key, t);
  if (!isExec) return;
  const b = buckets.get(key) ?? {};
  b[bucketOf(ns)] = (b[bucketOf(ns)] ?? 0) + 1;
  buckets.set(key, b);
  slowest.set(key, Math.max(slowest.get(key) ?? 0, ns));
}
function timed(fn, key, isExec) {
  return function (...args) {
    const start = process.hrtime.bigint();
    try {
      return fn.apply(this, args);
    } finally {
      add(key, Number(process.hrtime.bigint() - start), isExec);
    }
  };
}

const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  return timed(exec, `exec ${normal(sql)}`, true).call(this, sql);
};
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const statement = prepare.call(this, sql);
  for (const method of ['run', 'get', 'all'])
    statement[method] = timed(statement[method], `${method} ${normal(sql)}`, false);
  return statement;
};

process.on('exit', () => {
  if (!out) return;
  const lines = [...buckets].map(
    ([k, b]) => `${k} ${JSON.stringify(b)}, slowest ${(slowest.get(k) / 1e6).toFixed(1)} ms`,
  );
  lines.push('');
  for (const [k, [n, ns]] of [...totals].sort((a, b) => b[1][1] - a[1][1]).slice(0, 40)) {
    lines.push(
      `${(ns / 1e6).toFixed(0).padStart(7)} ms ${String(n).padStart(8)}× ${(ns / 1e3 / n).toFixed(1).padStart(7)} µs  ${k}`,
    );
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
});
