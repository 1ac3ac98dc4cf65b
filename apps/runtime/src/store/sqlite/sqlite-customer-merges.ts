import { desc, eq, inArray, or } from 'drizzle-orm';
import type { Store } from '../store';
import { cases, customers, messages, surveys, users } from './schema';
import { chatVisitors } from './schema-chat-visitors';
import { customerMerges } from './schema-customer-merges';
import { kbFeedback, kbViews } from './schema-kb';
import type { SqliteDb } from './sqlite-db';

/** Contact merges on SQLite (customer-merge-store.ts). */
export function sqliteCustomerMerges(db: SqliteDb): Pick<Store, 'customerMerges'> {
  return {
    customerMerges: {
      async apply(merge) {
        const { sourceId: from, targetId: to, at } = merge;
        // The transaction is BEGIN IMMEDIATE: nobody else writes until it ends.
        const moved = db
          .update(cases)
          .set({ customerId: to })
          .where(eq(cases.customerId, from))
          .run().changes;
        db.update(messages).set({ customerId: to }).where(eq(messages.customerId, from)).run();
        db.update(surveys).set({ customerId: to }).where(eq(surveys.customerId, from)).run();
        db.update(chatVisitors).set({ customerId: to }).where(eq(chatVisitors.customerId, from)).run();
        db.update(kbViews).set({ customerId: to }).where(eq(kbViews.customerId, from)).run();
        db.update(kbFeedback).set({ customerId: to }).where(eq(kbFeedback.customerId, from)).run();
        db.update(users).set({ customerId: to }).where(eq(users.customerId, from)).run();
        db.update(customers).set({ mergedInto: to }).where(eq(customers.mergedInto, from)).run();
        db.update(customers)
          .set({ mergedInto: to, mergedAt: at, updatedAt: at })
          .where(eq(customers.id, from))
          .run();
        const row = { ...merge, cases: moved };
        db.insert(customerMerges).values(row).run();
        return row;
      },
      async lock(ids) {
        if (ids.length === 0) return [];
        return db
          .select()
          .from(customers)
          .where(inArray(customers.id, [...ids]))
          .all();
      },
      async listFor(customerId, limit) {
        return db
          .select()
          .from(customerMerges)
          .where(or(eq(customerMerges.sourceId, customerId), eq(customerMerges.targetId, customerId)))
          .orderBy(desc(customerMerges.at), desc(customerMerges.sourceId))
          .limit(limit)
          .all();
      },
    },
  };
}
