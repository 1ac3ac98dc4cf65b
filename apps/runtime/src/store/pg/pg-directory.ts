import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { decodeCursor, pageLimit, toPage } from '../paging';
import { customerListWhere } from '../queries';
import { customerToRow, definedOnly, userToRow, withoutColumn } from '../rows';
import type { Store, UserRow } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { type PgClientOf, PgRawTable } from './pg-raw';
import { customers, groups, users } from './schema';

/** Every user column except the password hash. */
const userColumns = withoutColumn(getTableColumns(users), 'passwordHash');

/** users, groups and customers on PostgreSQL. */
export function pgDirectory(db: PgDbOf, client: PgClientOf): Pick<Store, 'users' | 'groups' | 'customers'> {
  // users.get runs on every authenticated request: a named prepared statement.
  const rawUsers = new PgRawTable<UserRow>(users, ['passwordHash']);
  const users$: Store['users'] = {
    async create(user) {
      const row = userToRow(user);
      const rows = await pgConflict(
        `user ${user.username} exists`,
        db().insert(users).values(row).returning(userColumns),
      );
      return rows[0]!;
    },
    async get(username) {
      return rawUsers.get(client(), 'username = $1', [username]);
    },
    async getCredentials(username) {
      const row = first(await db().select().from(users).where(eq(users.username, username)));
      if (!row) return null;
      const { passwordHash, ...user } = row;
      return { user: user as UserRow, passwordHash };
    },
    async list() {
      return db().select(userColumns).from(users).orderBy(asc(users.username));
    },
    async update(username, patch) {
      const set = definedOnly(patch);
      if (Object.keys(set).length === 0) return users$.get(username);
      return first(
        await db().update(users).set(set).where(eq(users.username, username)).returning(userColumns),
      );
    },
    async membersOf(group) {
      const rows = await db()
        .select({ username: users.username })
        .from(users)
        .where(sql`${users.groups}::jsonb @> ${JSON.stringify([group])}::jsonb`)
        .orderBy(asc(users.username));
      return rows.map((r) => r.username);
    },
    async activeAdmins() {
      // FOR UPDATE: a concurrent transaction changing an admin waits, then re-reads the set.
      const rows = await db()
        .select({ username: users.username })
        .from(users)
        .where(sql`${users.active} and ${users.roles}::jsonb @> '["admin"]'::jsonb`)
        .orderBy(asc(users.username))
        .for('update');
      return rows.map((r) => r.username);
    },
    async count() {
      const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
  };

  return {
    users: users$,

    groups: {
      async create(group) {
        const rows = await pgConflict(
          `group ${group.name} exists`,
          db().insert(groups).values(group).returning(),
        );
        return rows[0]!;
      },
      async get(name) {
        return first(await db().select().from(groups).where(eq(groups.name, name)));
      },
      async list() {
        return db().select().from(groups).orderBy(asc(groups.name));
      },
      async update(name, patch) {
        return first(
          await db()
            .update(groups)
            .set({ description: patch.description })
            .where(eq(groups.name, name))
            .returning(),
        );
      },
    },

    customers: {
      async create(customer) {
        const row = customerToRow(customer);
        const rows = await pgConflict(
          `customer ${customer.id} exists`,
          db().insert(customers).values(row).returning(),
        );
        return rows[0]!;
      },
      async get(id) {
        return first(await db().select().from(customers).where(eq(customers.id, id)));
      },
      async getMany(ids) {
        if (ids.length === 0) return [];
        return db()
          .select()
          .from(customers)
          .where(sql`${customers.id} = any(${sql.param([...ids])}::text[])`);
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = await db()
          .select()
          .from(customers)
          .where(customerListWhere(customers, query, cursor, 'ilike'))
          .orderBy(asc(customers.id))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.id, r.id]);
      },
      async update(id, patch, now) {
        return first(
          await db()
            .update(customers)
            .set({ ...definedOnly(patch), updatedAt: now })
            .where(eq(customers.id, id))
            .returning(),
        );
      },
    },
  };
}
