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
    });
    expect(c.secret.length).toBeGreaterThanOrEqual(32);
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
  });

  it('names every bad variable at once', () => {
    const bad = () =>
      loadConfig({ PORT: 'eighty', CASEFLOW_CLOCK: 'slow', CASEFLOW_ADMIN_PASSWORD: 'short' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT[\s\S]*CASEFLOW_CLOCK[\s\S]*CASEFLOW_ADMIN_PASSWORD/);
  });
});
