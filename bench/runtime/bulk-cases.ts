import Database from 'better-sqlite3';

/** Tables whose rows belong to one case through `case_id` (cases itself is keyed by `id`). */
const CASE_TABLES = ['timeline', 'slas', 'timers', 'tasks', 'outbox', 'surveys', 'messages'];

/**
 * Inserts `count` copies of the case `templateId` (its case row and every row of its timeline,
 * SLA clocks, timers, tasks, outbox, surveys and messages) into the SQLite database `file`,
 * each under a new case id (`${prefix}${n}`) substituted in every text column, the snapshot
 * JSON included. The copies are real cases the runtime can step: they are what opening them
 * through the engine would have written, minus the engine's cost. Runs in transactions of
 * 10,000 cases on its own connection (WAL: the runtime process may stay up meanwhile, idle).
 * Answers the new ids.
 */
export function cloneCases(file: string, templateId: string, count: number, prefix: string): string[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 30000');
  try {
    const template = [
      { table: 'cases', rows: db.prepare('select * from cases where id = ?').all(templateId) },
      ...CASE_TABLES.map((table) => ({
        table,
        rows: db.prepare(`select * from "${table}" where case_id = ?`).all(templateId),
      })),
    ].filter((t) => t.rows.length > 0) as Array<{ table: string; rows: Record<string, unknown>[] }>;
    if (template[0]?.table !== 'cases') throw new Error(`no case ${templateId}`);
    const inserts = template.map(({ table, rows }) => {
      const columns = Object.keys(rows[0]!);
      const stmt = db.prepare(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      return { table, stmt, rows: rows.map((r) => columns.map((c) => r[c])) };
    });
    const ids: string[] = [];
    // Case numbers are unique: each copy takes the next one after the highest in the file.
    const numberAt = Object.keys(template[0].rows[0]!).indexOf('number');
    const { top } = db.prepare('select coalesce(max(number), 0) as top from cases').get() as { top: number };
    const batch = db.transaction((from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const id = `${prefix}${n.toString(36).padStart(8, '0')}`;
        ids.push(id);
        for (const { table, stmt, rows } of inserts) {
          for (const values of rows) {
            const copy = values.map((v) => (typeof v === 'string' ? v.replaceAll(templateId, id) : v));
            if (table === 'cases' && numberAt >= 0) copy[numberAt] = top + 1 + n;
            stmt.run(copy);
          }
        }
      }
    });
    for (let from = 0; from < count; from += 10_000) batch(from, Math.min(count, from + 10_000));
    return ids;
  } finally {
    db.close();
  }
}
