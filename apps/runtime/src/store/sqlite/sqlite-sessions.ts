import type { SessionRow, Store, UserRow } from '../store';
import { RawTable } from './raw-table';
import { sessions, users } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/**
 * Sessions on SQLite. Every authenticated request reads its session and user: two cached
 * primary-key statements (microseconds each on the one connection), no drizzle build.
 */
export function sqliteSessions(db: SqliteDb): Pick<Store, 'sessions'> {
  const raw = new RawTable<SessionRow>(db.$client, sessions);
  const rawUsers = new RawTable<UserRow>(db.$client, users, ['passwordHash']);
  return {
    sessions: {
      async create(session) {
        return sqliteConflict(`session ${session.id} exists`, () => raw.insert(session));
      },
      async get(id) {
        return raw.get('id = ?', id);
      },
      async getWithUser(id) {
        const session = raw.get('id = ?', id);
        if (!session) return null;
        const user = rawUsers.get('username = ?', session.username);
        return user ? { session, user } : null;
      },
      async touch(id, at) {
        raw.update({ lastSeenAt: at }, 'id = ? and revoked_at is null and last_seen_at < ?', id, at);
      },
      async revoke(id, at) {
        return raw.update({ revokedAt: at }, 'id = ? and revoked_at is null', id) !== null;
      },
      async revokeAll(username, at, except) {
        return db.$client
          .prepare('update sessions set revoked_at = ? where username = ? and revoked_at is null and id <> ?')
          .run(at, username, except ?? '').changes;
      },
      async listLive(username, now) {
        return raw.all(
          'username = ? and revoked_at is null and expires_at > ? order by created_at desc, id desc',
          username,
          now,
        );
      },
      async knownSource(username, source) {
        return (
          db.$client
            .prepare('select 1 from sessions where username = ? and source = ? limit 1')
            .get(username, source) !== undefined
        );
      },
      async purge(before) {
        return raw.delete('expires_at < ?', before);
      },
    },
  };
}
