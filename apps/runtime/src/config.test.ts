import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has the defaults of DESIGN §4', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      db: { kind: 'sqlite', file: './data/caseflow.db' },
      clock: 'real',
      demo: false,
      logLevel: 'info',
      secretGenerated: true,
      outbox: { maxAttempts: 16, backoffMs: 1000, backoffCapMs: 3_600_000 },
    });
    expect(c.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('caps connections per address, but not behind a proxy unless told, and bounds request time', () => {
    expect(loadConfig({}).connections).toEqual({ perAddress: 256, requestTimeoutMs: 60_000 });
    expect(loadConfig({ CASEFLOW_TRUST_PROXY: '1' }).connections.perAddress).toBe(0);
    const set = loadConfig({
      CASEFLOW_TRUST_PROXY: '1',
      CASEFLOW_MAX_CONNECTIONS_PER_ADDRESS: '5000',
      CASEFLOW_REQUEST_TIMEOUT_MS: '30000',
    });
    expect(set.connections).toEqual({ perAddress: 5000, requestTimeoutMs: 30_000 });
    expect(() => loadConfig({ CASEFLOW_REQUEST_TIMEOUT_MS: '10' })).toThrow(/CASEFLOW_REQUEST_TIMEOUT_MS/);
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).db).toEqual({
      kind: 'postgres',
      url: 'postgres://u@localhost/db',
    });
    expect(loadConfig({ DATABASE_URL: '  ' }).db.kind).toBe('sqlite');
  });

  it('reads flags and the manual clock', () => {
    const c = loadConfig({ CASEFLOW_DEMO: '1', CASEFLOW_CLOCK: 'manual', CASEFLOW_SECRET: 'x'.repeat(16) });
    expect(c).toMatchObject({ demo: true, clock: 'manual', secretGenerated: false, secret: 'x'.repeat(16) });
    // The demo's history needs a real clock unless asked for.
    expect(c.demoHistory).toBe(false);
    expect(loadConfig({ CASEFLOW_DEMO: '1' }).demoHistory).toBe(true);
    expect(loadConfig({ CASEFLOW_DEMO: '1', CASEFLOW_DEMO_HISTORY: '0' }).demoHistory).toBe(false);
    expect(loadConfig({ CASEFLOW_DEMO: '0', CASEFLOW_DEMO_HISTORY: '1' }).demoHistory).toBe(false);
  });

  it('reads the outbox retry policy and refuses a cap below the base delay', () => {
    expect(
      loadConfig({
        CASEFLOW_OUTBOX_MAX_ATTEMPTS: '25',
        CASEFLOW_OUTBOX_BACKOFF_MS: '250',
        CASEFLOW_OUTBOX_BACKOFF_CAP_MS: '2000',
      }).outbox,
    ).toEqual({ maxAttempts: 25, backoffMs: 250, backoffCapMs: 2000 });
    expect(() => loadConfig({ CASEFLOW_OUTBOX_MAX_ATTEMPTS: '0' })).toThrow(/CASEFLOW_OUTBOX_MAX_ATTEMPTS/);
    expect(() => loadConfig({ CASEFLOW_OUTBOX_BACKOFF_MS: 'soon' })).toThrow(/CASEFLOW_OUTBOX_BACKOFF_MS/);
    expect(() =>
      loadConfig({ CASEFLOW_OUTBOX_BACKOFF_MS: '5000', CASEFLOW_OUTBOX_BACKOFF_CAP_MS: '1000' }),
    ).toThrow(/CASEFLOW_OUTBOX_BACKOFF_CAP_MS: must not be below CASEFLOW_OUTBOX_BACKOFF_MS/);
  });

  it('names every bad variable at once', () => {
    const bad = () =>
      loadConfig({ PORT: 'eighty', CASEFLOW_CLOCK: 'slow', CASEFLOW_ADMIN_PASSWORD: 'short' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT[\s\S]*CASEFLOW_CLOCK[\s\S]*CASEFLOW_ADMIN_PASSWORD/);
  });

  it('keeps one key per purpose and refuses to start in production without them', () => {
    const keys = {
      CASEFLOW_SECRET: 't'.repeat(32),
      CASEFLOW_WEBHOOK_SECRET: 'w'.repeat(32),
      CASEFLOW_DATA_KEY: 'ab'.repeat(32),
    };
    const c = loadConfig(keys);
    expect([c.secret, c.webhookSecret]).toEqual(['t'.repeat(32), 'w'.repeat(32)]);
    expect(c.dataKey.toString('hex')).toBe('ab'.repeat(32));
    expect(c.generatedKeys).toEqual([]);

    const generated = loadConfig({});
    expect(generated.secret).not.toBe(generated.webhookSecret);
    expect(generated.dataKey.length).toBe(32);
    expect(generated.generatedKeys).toEqual([
      'CASEFLOW_SECRET',
      'CASEFLOW_WEBHOOK_SECRET',
      'CASEFLOW_DATA_KEY',
    ]);

    expect(() => loadConfig({ NODE_ENV: 'production', CASEFLOW_SECRET: 't'.repeat(32) })).toThrow(
      /CASEFLOW_WEBHOOK_SECRET: required[\s\S]*CASEFLOW_DATA_KEY: required/,
    );
    expect(loadConfig({ ...keys, NODE_ENV: 'production' }).generatedKeys).toEqual([]);
    expect(() => loadConfig({ CASEFLOW_DATA_KEY: 'too-short' })).toThrow(/CASEFLOW_DATA_KEY/);
  });
});
