import type {
  AgentCapacity,
  AgentSkill,
  OutOfOffice,
  Overflow,
  PresenceStatus,
  RoutingMode,
} from '@caseflow/schema';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json as jsonColumn,
  pgTable,
  text,
} from 'drizzle-orm/pg-core';
import type { RoutedState, RoutedWork } from '../routing-store';

/* Routing tables on PostgreSQL: the same tables as sqlite/schema-routing.ts. */

const json = <T>(name: string) => jsonColumn(name).$type<T>();
const ms = (name: string) => bigint(name, { mode: 'number' });

export const agentProfiles = pgTable('agent_profiles', {
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

export const presenceLog = pgTable(
  'presence_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    at: ms('at').notNull(),
    status: text('status').$type<PresenceStatus>().notNull(),
    by: text('by').notNull(),
  },
  (t) => [index('presence_log_user_idx').on(t.username, t.at), index('presence_log_at_idx').on(t.at)],
);

export const groupRouting = pgTable('group_routing', {
  group: text('group_name').primaryKey(),
  mode: text('mode').$type<RoutingMode>().notNull(),
  offerTimeout: text('offer_timeout'),
  overflow: json<Overflow>('overflow'),
  paused: boolean('paused').notNull().default(false),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const routedTasks = pgTable(
  'routed_tasks',
  {
    taskId: text('task_id').primaryKey(),
    caseId: text('case_id').notNull(),
    group: text('group_name').notNull(),
    work: text('work').$type<RoutedWork>().notNull(),
    requires: json<Array<{ name: string; level: number }>>('requires').notNull(),
    dueAt: ms('due_at'),
    priorityRank: integer('priority_rank').notNull(),
    enteredAt: ms('entered_at').notNull(),
    state: text('state').$type<RoutedState>().notNull(),
    agent: text('agent'),
    offeredAt: ms('offered_at'),
    declinedBy: json<string[]>('declined_by').notNull(),
    overflowedFrom: text('overflowed_from'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    index('routed_tasks_queue_idx').on(t.group, t.state, t.dueAt, t.priorityRank, t.enteredAt),
    index('routed_tasks_agent_idx').on(t.agent, t.state),
  ],
);
