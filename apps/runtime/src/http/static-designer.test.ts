import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './context';
import { notFoundHandler } from './errors';
import { DESIGNER_CSP, designerDistDir, mountDesigner } from './static-designer';

let dir: string;
let app: Hono<AppEnv>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caseflow-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Caseflow</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  app = new Hono<AppEnv>();
  app.notFound(notFoundHandler);
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  expect(mountDesigner(app, dir)).toBe(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('designer static files', () => {
  it('serves files of the build', async () => {
    const res = await app.request('/assets/app.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with index.html', async () => {
    for (const path of ['/', '/flows/lost-card', '/work']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Caseflow</title>');
    }
  });

  it("sends the designer's Content-Security-Policy with pages and files, not with /api", async () => {
    for (const path of ['/', '/work', '/assets/app.js']) {
      expect((await app.request(path)).headers.get('content-security-policy')).toBe(DESIGNER_CSP);
    }
    expect(DESIGNER_CSP).toContain("script-src 'self';");
    expect(DESIGNER_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect((await app.request('/api/health')).headers.get('content-security-policy')).toBeNull();
  });

  it('leaves /api alone and 404s missing files', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok' });
    expect((await app.request('/api/missing')).status).toBe(404);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('mounts nothing when the designer is not built', () => {
    expect(mountDesigner(new Hono<AppEnv>(), join(dir, 'nope'))).toBe(false);
  });

  it('finds apps/designer/dist from the bundled and the source entry', () => {
    expect(designerDistDir('file:///repo/apps/runtime/dist/main.js')).toBe('/repo/apps/designer/dist');
    expect(designerDistDir('file:///repo/apps/runtime/src/main.ts')).toBe('/repo/apps/designer/dist');
  });
});
