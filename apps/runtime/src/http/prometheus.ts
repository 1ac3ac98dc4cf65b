import type { Store } from '../store/store';

/**
 * Process-wide counters in the Prometheus text format. Counters are fed by the HTTP layer
 * (every case, event and closure it causes); gauges that describe shared database state
 * (timer lag, outbox backlog) are read from the store at scrape time, so several processes on
 * one database report the same values.
 */
export interface Metrics {
  /** A case was opened (by a route or a catalog request). */
  caseOpened(flow: string): void;
  /** A case left `open` (observed by a route's answer). */
  caseClosed(flow: string, status: string): void;
  /** One engine event was committed through the API. */
  event(type: string): void;
  /** One HTTP request was answered. */
  request(method: string, status: number): void;
  /** The exposition text (`text/plain; version=0.0.4`). */
  render(store: Store, now: number): Promise<string>;
}

type Labels = Record<string, string>;

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  lines(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) out.push(`${this.name} 0`);
    for (const [labels, v] of this.values) out.push(`${this.name}${labels} ${v}`);
    return out;
  }
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const quote = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([k, v]) => `${k}="${quote(v)}"`).join(',')}}`;
}

function gauge(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`];
}

/** Outbox rows still to deliver: pages through pending and failed rows (capped scan). */
async function outboxBacklog(store: Store): Promise<number> {
  let total = 0;
  for (const status of ['pending', 'failed'] as const) {
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res = await store.outbox.list({ status, limit: 500, cursor });
      total += res.items.length;
      cursor = res.next;
      if (!cursor) break;
    }
  }
  return total;
}

/** A fresh metrics registry (one per process). */
export function createMetrics(): Metrics {
  const opened = new Counter('caseflow_cases_opened_total', 'Cases opened through the API.');
  const closed = new Counter('caseflow_cases_closed_total', 'Cases closed as a result of an API call.');
  const events = new Counter('caseflow_events_total', 'Engine events committed through the API.');
  const requests = new Counter('caseflow_http_requests_total', 'HTTP requests answered.');
  return {
    caseOpened: (flow) => opened.inc({ flow }),
    caseClosed: (flow, status) => closed.inc({ flow, status }),
    event: (type) => events.inc({ type }),
    request: (method, status) => requests.inc({ method, status: String(status) }),
    async render(store, now) {
      const nextTimer = await store.timers.nextDueAt();
      const lag = nextTimer === null ? 0 : Math.max(0, now - nextTimer) / 1000;
      const nextOutbox = await store.outbox.nextDueAt();
      const outboxLag = nextOutbox === null ? 0 : Math.max(0, now - nextOutbox) / 1000;
      const lines = [
        ...opened.lines(),
        ...closed.lines(),
        ...events.lines(),
        ...requests.lines(),
        ...gauge('caseflow_timer_lag_seconds', 'How late the oldest due timer is (0 when none is due).', lag),
        ...gauge(
          'caseflow_outbox_backlog',
          'Outbox messages pending or waiting for a retry.',
          await outboxBacklog(store),
        ),
        ...gauge('caseflow_outbox_lag_seconds', 'How late the oldest due outbox message is.', outboxLag),
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}
