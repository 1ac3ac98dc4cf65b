// Preloaded with `--import`: counts the queries the process sends to PostgreSQL, by their first
// words, and prints the counts on exit (to see the round trips one event costs).
import { createRequire } from 'node:module';

const require = createRequire(`${process.cwd()}/`);
const pg = require(process.env.PG_MODULE_PATH ?? 'pg');
const counts = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : (config?.text ?? config?.name ?? '?');
  const key = String(text).replace(/\s+/g, ' ').trim().slice(0, 70);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.call(this, config, ...rest);
};
process.on('exit', () => {
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25);
  process.stderr.write(`QUERYCOUNTS ${JSON.stringify(top)}\n`);
});
