import { type CompiledFlow, compileFlow } from '@caseflow/engine';
import type { BusinessCalendar } from '@caseflow/schema';
import type { Store } from '../store/store';
import { notFound } from './errors';
import { LruCache } from './lru-cache';

/**
 * Compiled machines of published flow versions, kept in an LRU keyed by (flow, version).
 * Versions are immutable, so an entry never goes stale; compiling a large flow costs tens of
 * milliseconds, so no request compiles a version that is cached.
 */
export class CompiledFlows {
  readonly #cache: LruCache<string, CompiledFlow>;
  readonly #calendars: Record<string, BusinessCalendar>;

  constructor(options: { size: number; calendars: Record<string, BusinessCalendar> }) {
    this.#cache = new LruCache(options.size);
    this.#calendars = options.calendars;
  }

  /** The compiled version, compiling it from the stored definition on a miss; 404 if absent. */
  async get(store: Store, flow: string, version: number): Promise<CompiledFlow> {
    const key = `${flow}@${version}`;
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const row = await store.flowVersions.get(flow, version);
    if (!row) throw notFound('flow version', `${flow}@${version}`);
    // Stored versions were validated when they were published: skip validateFlow.
    const compiled = compileFlow(row.definition, { calendars: this.#calendars, trusted: true });
    this.#cache.set(key, compiled);
    return compiled;
  }

  /**
   * Compiles a definition with the runtime's calendars (throws the engine's invalid-flow).
   * `trusted` skips the engine's own validateFlow when the caller has just validated it.
   */
  compile(definition: unknown, options: { trusted?: boolean } = {}): CompiledFlow {
    return compileFlow(definition, { calendars: this.#calendars, trusted: options.trusted ?? false });
  }

  /** Remembers a version compiled at publish time. */
  put(flow: string, version: number, compiled: CompiledFlow): void {
    this.#cache.set(`${flow}@${version}`, compiled);
  }
}
