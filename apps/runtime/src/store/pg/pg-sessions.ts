import type { SessionRow, Store, UserRow } from '../store';
import { StoreConflict } from '../store';
import { isPgUniqueViolation } from './pg-db';
import { type PgClientOf, PgRawTable, runNamed } from './pg-raw';
import { sessions, users } from './schema';

/**
 * Sessions on PostgreSQL, through named prepared statements: the per-request read of session
 * and user is one statement (a primary-key join), so revocation seen by any process is seen
 * by every process at its next request.
 */
export function pgSessions(client: PgClientOf): Pick<Store, 'sessions'> {
  const raw = new PgRawTable<SessionRow>(sessions);
  const rawUsers = new PgRawTable<UserRow>(users, ['passwordHash']);
  const withUser = `select ${raw.jsonObject('s')} as session, ${rawUsers.jsonObject('u')} as "user"
    from "${raw.name}" s join "${rawUsers.name}" u on u.username = s.username where s.id = $1`;
  return {
    sessions: {
      async create(session) {
        try {
          return (await raw.insert(client(), session))!;
        } catch (err) {
          if (isPgUniqueViolation(err)) throw new StoreConflict(`session ${session.id} exists`);
          throw err;
        }
      },
      async get(id) {
        return raw.get(client(), 'id = $1', [id]);
      },
      async getWithUser(id) {
        const result = await runNamed<{ session: SessionRow; user: UserRow }>(client(), withUser, [id]);
        return result.rows[0] ?? null;
      },
      async touch(id, at) {
        await raw.update(
          client(),
          { lastSeenAt: at },
          'id = $1 and revoked_at is null and last_seen_at < $2',
          [id, at],
        );
      },
      async revoke(id, at) {
        return (
          (await raw.update(client(), { revokedAt: at }, 'id = $1 and revoked_at is null', [id])) !== null
        );
      },
      async revokeAll(username, at, except) {
        const result = await runNamed(
          client(),
          'update sessions set revoked_at = $1 where username = $2 and revoked_at is null and id <> $3',
          [at, username, except ?? ''],
        );
        return result.rowCount ?? 0;
      },
      async listLive(username, now) {
        return raw.all(
          client(),
          'username = $1 and revoked_at is null and expires_at > $2 order by created_at desc, id desc',
          [username, now],
        );
      },
      async knownSource(username, source) {
        const result = await runNamed(
          client(),
          'select 1 from sessions where username = $1 and source = $2 limit 1',
          [username, source],
        );
        return result.rows.length > 0;
      },
      async purge(before) {
        return raw.delete(client(), 'expires_at < $1', [before]);
      },
    },
  };
}
