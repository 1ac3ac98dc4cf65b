import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDesignerBuilt } from '../browser/designer-app';
import { type ApiAnswer, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Input limits at the edge (issue #11, leaks 9, 10 and 13; DESIGN §8 "Limits"), against the
 * built runtime on both backends: nothing a client sends may answer 500 or reach the log. Deep
 * JSON, NUL characters (PostgreSQL refuses them in text) and lone surrogates are 400s naming
 * the field; per-field bounds hold; the unpaged history routes page; the manual clock is an
 * admin's and bounded; the designer's pages carry a Content-Security-Policy.
 */

/** A marker sent in bodies and query strings that must never show up in the runtime's output. */
const MARKER = 'zq-marker-7f3a';

function expect400(res: ApiAnswer, path?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  if (path !== undefined) {
    expect((res.body.error.details ?? []).map((d: { path: string }) => d.path)).toContain(path);
  }
}

describe.each(scenarioBackends())('input limits on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let caseId = '';
    beforeAll(async () => {
      ensureDesignerBuilt();
      rt = await startRuntime({ LOG_LEVEL: 'info' }, { backend });
      const res = await rt.api('POST', '/api/cases', {
        as: 'lena',
        body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', variables: { cardLast4: '4242' } },
      });
      if (res.status !== 201) throw new Error(`open: ${res.status} ${JSON.stringify(res.body)}`);
      caseId = res.body.id;
    });
    afterAll(() => rt?.stop());

    describe('JSON depth', () => {
      it('answers 400 naming the limit for a body nested 20,000 levels', async () => {
        const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
        const res = await rt.api('POST', '/api/cases', {
          as: 'lena',
          raw: `{"flow":"lost-card","customerId":"c-1001","channel":"phone","variables":{"a":${deep}}}`,
        });
        expect400(res);
        expect(res.body.error.message).toMatch(/deeper than 64/);
        expect(res.body.error.details[0].path).toMatch(/^variables\.a(\.0)+$/);
      });

      it('accepts variables nested well within the limit', async () => {
        let value: unknown = 'leaf';
        for (let i = 0; i < 20; i++) value = { v: value };
        const res = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', variables: { nested: value } },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      });
    });

    describe('NUL characters and lone surrogates', () => {
      it('refuses them at login, unauthenticated', async () => {
        const res = await rt.api('POST', '/api/auth/login', {
          body: { username: `${MARKER}\u0000`, password: 'x' },
        });
        expect400(res, 'username');
      });

      it('refuses them in a survey token and answer, unauthenticated', async () => {
        expect400(await rt.api('POST', '/api/surveys/abcdefgh%00', { body: { score: 3 } }), 'path');
        expect400(
          await rt.api('POST', '/api/surveys/abcdefghij', { body: { score: 3, comment: `${MARKER}\u0000` } }),
          'comment',
        );
      });

      it('refuses them in case bodies, keys included, and in messages', async () => {
        const open = { flow: 'lost-card', customerId: 'c-1001', channel: 'phone' };
        expect400(
          await rt.api('POST', '/api/cases', { as: 'lena', body: { ...open, subject: `${MARKER}\u0000` } }),
          'subject',
        );
        expect400(
          await rt.api('POST', '/api/cases', { as: 'lena', body: { ...open, variables: { 'a\u0000': 1 } } }),
          'variables',
        );
        expect400(
          await rt.api('POST', `/api/cases/${caseId}/messages`, {
            as: 'lena',
            body: { channel: 'chat', body: `hi\u0000${MARKER}` },
          }),
          'body',
        );
        expect400(
          await rt.api('POST', '/api/cases', {
            as: 'lena',
            raw: JSON.stringify({ ...open, subject: 'x' }).replace('"x"', '"x\\ud800"'),
          }),
          'subject',
        );
      });

      it('refuses them in query strings and path parameters', async () => {
        expect400(await rt.api('GET', `/api/cases?customer=${MARKER}%00`, { as: 'lena' }), 'customer');
        expect400(await rt.api('GET', '/api/cases/abc%00', { as: 'lena' }), 'path');
        expect400(await rt.api('GET', `/api/tasks?group=a%00b`, { as: 'lena' }), 'group');
      });
    });

    describe('per-field bounds', () => {
      it('refuses a group name of a megabyte, naming the field', async () => {
        const res = await rt.api('POST', '/api/groups', {
          as: 'admin',
          body: { name: 'a'.repeat(1_000_000) },
        });
        expect400(res, 'name');
      });

      it('refuses variables with too many keys', async () => {
        const variables = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, i]));
        const res = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', variables },
        });
        expect400(res, 'variables');
      });

      it('answers 400 for a null, missing or non-object flow definition', async () => {
        for (const body of [{ definition: null }, {}, { definition: [] }, { definition: 'x' }]) {
          expect400(await rt.api('PUT', '/api/flows/lost-card', { as: 'olivia', body }), 'definition');
        }
        expect400(
          await rt.api('POST', '/api/flows/lost-card/validate', { as: 'olivia', body: { definition: null } }),
          'definition',
        );
      });

      it('answers 400 for a version beyond a database integer', async () => {
        const res = await rt.api('POST', '/api/flows/lost-card/activate', {
          as: 'admin',
          body: { version: 2 ** 31 },
        });
        expect400(res, 'version');
        expect400(await rt.api('GET', `/api/flows/lost-card/versions/${2 ** 40}`, { as: 'olivia' }), 'v');
      });
    });

    describe('paged history', () => {
      beforeAll(async () => {
        for (let i = 1; i <= 5; i++) {
          const res = await rt.api('POST', `/api/cases/${caseId}/messages`, {
            as: 'lena',
            body: { channel: 'chat', body: `message ${i}` },
          });
          if (res.status !== 201) throw new Error(`message: ${res.status} ${JSON.stringify(res.body)}`);
        }
      });

      /** Every page of `path` with `limit`, following `next`. */
      async function walk(path: string, limit: number) {
        const pages: ApiAnswer[] = [];
        let cursor: string | null = null;
        do {
          const sep = path.includes('?') ? '&' : '?';
          const query = `${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const res = await rt.api('GET', `${path}${query}`, { as: 'lena' });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(limit);
          pages.push(res);
          cursor = res.body.next;
        } while (cursor && pages.length < 100);
        return pages;
      }

      it('pages messages, oldest first or newest first', async () => {
        // The manual clock stands still: equal times are ordered by id, so compare with one big page.
        const all = await rt.api('GET', `/api/cases/${caseId}/messages?limit=500`, { as: 'lena' });
        const ids = all.body.items.map((m: { id: string }) => m.id);
        expect(all.body.items.map((m: { body: string }) => m.body).sort()).toEqual([
          'message 1',
          'message 2',
          'message 3',
          'message 4',
          'message 5',
        ]);
        const pages = await walk(`/api/cases/${caseId}/messages`, 2);
        expect(pages.map((p) => p.body.items.length)).toEqual([2, 2, 1]);
        expect(pages.flatMap((p) => p.body.items.map((m: { id: string }) => m.id))).toEqual(ids);
        const down = await walk(`/api/cases/${caseId}/messages?order=desc`, 2);
        expect(down.flatMap((p) => p.body.items.map((m: { id: string }) => m.id))).toEqual(
          [...ids].reverse(),
        );
      });

      it('pages the timeline without repeating or skipping an entry', async () => {
        const all = await rt.api('GET', `/api/cases/${caseId}/timeline?limit=500`, { as: 'lena' });
        const seqs = all.body.items.map((e: { seq: number }) => e.seq);
        expect(seqs.length).toBeGreaterThan(6);
        const pages = await walk(`/api/cases/${caseId}/timeline`, 3);
        expect(pages.flatMap((p) => p.body.items.map((e: { seq: number }) => e.seq))).toEqual(seqs);
        const down = await walk(`/api/cases/${caseId}/timeline?order=desc`, 4);
        expect(down.flatMap((p) => p.body.items.map((e: { seq: number }) => e.seq))).toEqual(
          [...seqs].reverse(),
        );
      });

      it('answers a first page when no limit is given and refuses a limit over 500', async () => {
        const first = await rt.api('GET', `/api/cases/${caseId}/messages`, { as: 'lena' });
        expect(first.body).toMatchObject({ next: null });
        expect400(await rt.api('GET', `/api/cases/${caseId}/timeline?limit=100000`, { as: 'lena' }), 'limit');
      });
    });

    describe('the manual test clock', () => {
      it('is moved by an admin only', async () => {
        expect((await rt.api('POST', '/api/_test/clock', { body: { advance: 'PT1M' } })).status).toBe(401);
        expect(
          (await rt.api('POST', '/api/_test/clock', { as: 'lena', body: { advance: 'PT1M' } })).status,
        ).toBe(403);
        expect(
          (await rt.api('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'PT1M' } })).status,
        ).toBe(200);
      });

      it('refuses P200000Y and instants out of range, naming the field', async () => {
        expect400(
          await rt.api('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'P200000Y' } }),
          'advance',
        );
        expect400(
          await rt.api('POST', '/api/_test/clock', { as: 'admin', body: { set: '9999-01-01T00:00:00Z' } }),
          'set',
        );
        const health = await rt.api('GET', '/api/health');
        expect(health.status).toBe(200);
      });
    });

    describe('headers', () => {
      it('sends a Content-Security-Policy with the designer page', async () => {
        const res = await fetch(`${rt.url}/`);
        expect(res.status).toBe(200);
        const csp = res.headers.get('content-security-policy') ?? '';
        for (const directive of [
          "default-src 'self'",
          "script-src 'self'",
          "object-src 'none'",
          "frame-ancestors 'none'",
          "base-uri 'self'",
        ]) {
          expect(csp).toContain(directive);
        }
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      });

      it('marks API answers as data that must not be sniffed, run or framed', async () => {
        const res = await rt.api('GET', '/api/health');
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      });
    });

    it('never answered 500 and never logged a query parameter (the markers above)', () => {
      const output = rt.output();
      expect(output).not.toContain(MARKER);
      expect(output).not.toMatch(/params: /);
      expect(output).not.toMatch(/"status":500/);
    });
  });
});
