import type { Clock } from '../clock';
import type { Store } from '../store/store';
import type { EventTransactions } from './event-transaction';
import type { ExecutorContext } from './executor-context';

/** What the runtime's command modules share: the store, the clock, caches and transactions. */
export interface RuntimeCore {
  store: Store;
  clock: Clock;
  ctx: ExecutorContext;
  events: EventTransactions;
  /** Calendar keys known to this runtime (for validateFlow), including "24x7". */
  calendarKeys: string[];
}
