import type {
  AgentCapacity,
  AgentSkill,
  OutOfOffice,
  Overflow,
  PresenceStatus,
  RoutingMode,
} from '@caseflow/schema';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/* Routing tables on SQLite (DESIGN §12); pg/schema-routing.ts holds the same for PostgreSQL. */

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const ms = (name: string) => integer(name);

/** One row per agent whose routing profile or presence was ever set. */
export const agentProfiles = sqliteTable('agent_profiles', {
  username: text('username').primaryKey(),
  presence: text('presence').$type<PresenceStatus>().notNull(),
  presenceAt: ms('presence_at'),
  skills: json<AgentSkill[]>('skills').notNull(),
  capacity: json<AgentCapacity>('capacity'),
  calendar: text('calendar'),
  outOfOffice: json<OutOfOffice[]>('out_of_office').notNull(),
  lastOfferedAt: ms('last_offered_at'),
  updatedAt: ms('updated_at').notNull(),
});

/** Every presence change, in order: the audit trail and what adherence is measured from. */
export const presenceLog = sqliteTable(
  'presence_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    at: ms('at').notNull(),
    status: text('status').$type<PresenceStatus>().notNull(),
    by: text('by').notNull(),
  },
  (t) => [index('presence_log_user_idx').on(t.username, t.at), index('presence_log_at_idx').on(t.at)],
);

/** Routing settings of the groups that have any. */
export const groupRouting = sqliteTable('group_routing', {
  group: text('group_name').primaryKey(),
  mode: text('mode').$type<RoutingMode>().notNull(),
  offerTimeout: text('offer_timeout'),
  overflow: json<Overflow>('overflow'),
  paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
