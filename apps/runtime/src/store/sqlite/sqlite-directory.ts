import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { decodeCursor, pageLimit, toPage } from '../paging';
import { customerListWhere } from '../queries';
import { customerToRow, definedOnly, userToRow, withoutColumn } from '../rows';
import type { CustomerRow, Store, UserRow } from '../store';
import { RawTable } from './raw-table';
import { customers, groups, users } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** Every user column except the password hash. */
const userColumns = withoutColumn(getTableColumns(users), 'passwordHash');

/** users, groups and customers on SQLite. */
export function sqliteDirectory(db: SqliteDb): Pick<Store, 'users' | 'groups' | 'customers'> {
  // Every authenticated request reads its user: a cached statement, not a drizzle build.
  const rawUsers = new RawTable<UserRow>(db.$client, users, ['passwordHash']);
  const rawCustomers = new RawTable<CustomerRow>(db.$client, customers);
  // Routing asks for a group's members on every task it routes.
  const membersOf = db.$client
    .prepare<[string], string>(
      'select username from users where exists (select 1 from json_each(users.groups) where value = ?) order by username',
    )
    .pluck();
  return {
    users: {
      async create(user) {
        const row = userToRow(user);
        return sqliteConflict(`user ${user.username} exists`, () =>
          db.insert(users).values(row).returning(userColumns).get(),
        );
      },
      async get(username) {
        return rawUsers.get('username = ?', username);
      },
      async getCredentials(username) {
        const row = db.select().from(users).where(eq(users.username, username)).get();
        if (!row) return null;
        const { passwordHash, ...user } = row;
        return { user: user as UserRow, passwordHash };
      },
      async list() {
        return db.select(userColumns).from(users).orderBy(asc(users.username)).all();
      },
      async update(username, patch) {
        const set = definedOnly(patch);
        if (Object.keys(set).length === 0) return this.get(username);
        return (
          db.update(users).set(set).where(eq(users.username, username)).returning(userColumns).get() ?? null
        );
      },
      async membersOf(group) {
        return membersOf.all(group);
      },
      async activeAdmins() {
        // The transaction (if any) is BEGIN IMMEDIATE: nobody else writes until it ends.
        const rows = db
          .select({ username: users.username })
          .from(users)
          .where(
            sql`${users.active} = 1 and exists (select 1 from json_each(${users.roles}) where value = 'admin')`,
          )
          .orderBy(asc(users.username))
          .all();
        return rows.map((r) => r.username);
      },
      async count() {
        return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
      },
    },

    groups: {
      async create(group) {
        return sqliteConflict(`group ${group.name} exists`, () =>
          db.insert(groups).values(group).returning().get(),
        );
      },
      async get(name) {
        return db.select().from(groups).where(eq(groups.name, name)).get() ?? null;
      },
      async update(name, patch) {
        return (
          db
            .update(groups)
            .set({ description: patch.description })
            .where(eq(groups.name, name))
            .returning()
            .get() ?? null
        );
      },
      async list() {
        return db.select().from(groups).orderBy(asc(groups.name)).all();
      },
    },

    customers: {
      async create(customer) {
        const row = customerToRow(customer);
        return sqliteConflict(`customer ${customer.id} exists`, () =>
          db.insert(customers).values(row).returning().get(),
        );
      },
      async get(id) {
        return rawCustomers.get('id = ?', id);
      },
      async getMany(ids) {
        // One cached statement whatever the number of ids: they travel as one JSON array.
        return ids.length === 0
          ? []
          : rawCustomers.all('id in (select value from json_each(?))', JSON.stringify(ids));
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = db
          .select()
          .from(customers)
          .where(customerListWhere(customers, query, cursor, 'like'))
          .orderBy(asc(customers.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.id, r.id]);
      },
      async update(id, patch, now) {
        return (
          db
            .update(customers)
            .set({ ...definedOnly(patch), updatedAt: now })
            .where(eq(customers.id, id))
            .returning()
            .get() ?? null
        );
      },
    },
  };
}
