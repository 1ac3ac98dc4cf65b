import type { BusinessCalendar } from '@caseflow/schema';
import { manualClock } from '../clock';
import { createRuntime } from '../executor/runtime';
import { createLogger } from '../logger';
import type { Store } from '../store/store';
import { type CoreBankingSettings, type SeedReport, seedDemo } from './demo';
import { type HistoryReport, seedDemoHistory } from './demo-history';

export interface LivingDemoOptions {
  store: Store;
  /** The real now: the history ends here. */
  now: number;
  calendars: BusinessCalendar[];
  flowEnv: Record<string, string>;
  /** The data key of the serving runtime: the connection secrets sealed now must open later. */
  dataKey: Buffer;
  adminPassword?: string;
  coreBanking?: CoreBankingSettings;
  days?: number;
  seed?: number;
}

/**
 * The living demo: the demo seed and its history, written by a runtime of their own whose
 * manual clock starts `days` before `now` and walks up to it, so that every row carries the
 * time it would have had (users and flows from the first day, cases across the period). The
 * messages of the past are "delivered" to a quiet log. Answers both reports and how long it took.
 */
export async function seedLivingDemo(
  options: LivingDemoOptions,
): Promise<{ seed: SeedReport; history: HistoryReport; ms: number }> {
  const began = performance.now();
  const days = options.days ?? 90;
  const clock = manualClock(options.now - days * 86_400_000);
  const runtime = createRuntime({
    store: options.store,
    clock,
    env: {},
    // Quiet: the past's deliveries go to this log, and timers of one case racing in a batch
    // ("claim lost", retried by design) are not news to whoever starts the demo.
    logger: createLogger('fatal'),
    calendars: options.calendars,
    flowEnv: options.flowEnv,
    dataKey: options.dataKey,
    // The past's e-mail replies go nowhere, as its notifications go to the quiet log.
    mailSender: { name: 'history', send: async () => {}, close: () => {} },
  });
  const seedAll = async () => {
    const seed = await seedDemo(runtime, {
      adminPassword: options.adminPassword,
      ...(options.coreBanking ? { coreBanking: options.coreBanking } : {}),
    });
    const history = await seedDemoHistory(runtime, clock, { end: options.now, days, seed: options.seed });
    return { seed, history, ms: Math.round(performance.now() - began) };
  };
  // Made again from scratch if it is lost, so no fsync for each of its thousands of commands.
  const bulkLoad = options.store.bulkLoad?.bind(options.store);
  try {
    return await (bulkLoad ? bulkLoad(seedAll) : seedAll());
  } finally {
    await runtime.close();
  }
}
