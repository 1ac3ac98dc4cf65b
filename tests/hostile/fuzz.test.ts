import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../examples/core-banking/stub';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';
import { problemsOf } from './support/answer-checks';
import { FuzzClient } from './support/fuzz-client';
import { examplesFor } from './support/fuzz-examples';
import { type FuzzRequest, type FuzzWorld, requestArb } from './support/fuzz-request';
import { buildWorld } from './support/fuzz-world';
import { type HealthPoller, type HealthReport, startHealthPoller } from './support/health-poller';
import { type FuzzRoute, type OpenApiDocument, routeKey, routesOf } from './support/openapi-routes';

/**
 * Property-based fuzz of every route in the runtime's OpenAPI document (docs/trust/fuzz.md).
 * For each operation, fast-check generates requests from its parameter and body schemas —
 * valid ones, and ones with wrong types, dropped or extra fields, huge strings, deep nesting,
 * NUL bytes, unicode oddities, edge numbers, wrong ids, bad query strings and bad tokens — sent
 * as anonymous, customer, agent, owner and admin. Every answer must be 2xx-4xx, a 4xx must be
 * `{error:{code,message}}`, no answer may show internals, the process must stay up and a
 * concurrent GET /api/health must answer within 1 s throughout.
 *
 * FUZZ_RUNS (runs per route, default 25), FUZZ_SEED (replay a run) and FUZZ_ROUTE (only routes
 * whose "METHOD /api/path" contains it) tune a local run.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const ONLY = process.env.FUZZ_ROUTE;
/** Per route, shrinking included: a slow route cannot eat the whole budget. */
const ROUTE_BUDGET_MS = Number(process.env.FUZZ_ROUTE_BUDGET_MS ?? 15_000);
const HEALTH_LIMIT_MS = 1_000;
const SECRET = 'fuzz-token-secret-0123456789abcdef';
const WEBHOOK_SECRET = 'fuzz-webhook-secret-0123456789abcdef';

/** A stable per-route seed, so FUZZ_SEED with FUZZ_ROUTE replays one route's sequence. */
function seedFor(route: FuzzRoute): number {
  let h = SEED | 0;
  for (const ch of routeKey(route)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** Thrown by the property with what was wrong, so fast-check shrinks towards the smallest request. */
class BadAnswer extends Error {
  override name = 'BadAnswer';
}

interface RouteFailure {
  route: string;
  seed: number;
  path: string | undefined;
  request: string;
  error: string;
}

let stub: CoreBankingStub;
beforeAll(async () => {
  stub = await startCoreBankingStub();
});
afterAll(() => stub?.close());

describe.each(scenarioBackends())('fuzz of every route on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let world: FuzzWorld;
    let client: FuzzClient;
    let poller: HealthPoller;
    let routes: FuzzRoute[] = [];
    /** When each route's fuzzing began (epoch ms), to name the route behind a slow health probe. */
    const timeline: Array<{ at: number; route: string }> = [];
    let health: HealthReport | undefined;

    beforeAll(async () => {
      rt = await startRuntime(
        {
          CORE_BANKING_URL: stub.url,
          CASEFLOW_SECRET: SECRET,
          CASEFLOW_WEBHOOK_SECRET: WEBHOOK_SECRET,
          // Fuzzed requests and the fuzz's own sign-ins come from different addresses (fuzz-client.ts).
          CASEFLOW_TRUST_PROXY: '1',
        },
        { backend },
      );
      const doc = (await rt.api('GET', '/api/openapi.json')).body as OpenApiDocument;
      routes = routesOf(doc).filter((r) => !ONLY || routeKey(r).includes(ONLY));
      world = await buildWorld(rt, SECRET);
      client = new FuzzClient(rt);
      poller = startHealthPoller(`${rt.url}/api/health`, 100, HEALTH_LIMIT_MS);
      console.log(
        `fuzz on ${backend}: ${routes.length} routes × ${RUNS} runs, FUZZ_SEED=${SEED}` +
          (ONLY ? ` FUZZ_ROUTE=${JSON.stringify(ONLY)}` : ''),
      );
    });
    afterAll(async () => {
      await poller?.stop().catch(() => undefined);
      await rt?.stop();
    });

    it('reads a document with the routes of every area', () => {
      if (ONLY) return;
      const keys = routes.map(routeKey);
      for (const expected of [
        'POST /api/auth/login',
        'POST /api/cases',
        'PUT /api/flows/{key}',
        'POST /api/tasks/{id}/complete',
      ]) {
        expect(keys).toContain(expected);
      }
    });

    it(
      'answers every generated request with 2xx-4xx, JSON errors and no internals',
      async () => {
        const failures: RouteFailure[] = [];
        const started = Date.now();
        for (const route of routes) {
          timeline.push({ at: Date.now(), route: routeKey(route) });
          const seed = seedFor(route);
          const property = fc.asyncProperty(requestArb(route, world), async (req: FuzzRequest) => {
            const { answer, authorization } = await client.send(req);
            if ('error' in answer) throw new BadAnswer(`no answer: ${answer.error}`);
            const problems = problemsOf(answer, client.sentText(req, authorization), [
              SECRET,
              WEBHOOK_SECRET,
            ]);
            if (problems.length) {
              throw new BadAnswer(`${problems.join('; ')} — body: ${answer.text.slice(0, 300)}`);
            }
          });
          const examples = examplesFor(route, world).map((r): [FuzzRequest] => [r]);
          const details = await fc.check(property, {
            seed,
            examples,
            numRuns: examples.length + RUNS,
            interruptAfterTimeLimit: ROUTE_BUDGET_MS,
          });
          if (details.failed && details.counterexample) {
            const [req] = details.counterexample as [FuzzRequest];
            failures.push({
              route: routeKey(route),
              seed,
              path: details.counterexamplePath ?? undefined,
              request: req.describe(),
              error:
                details.errorInstance instanceof Error
                  ? details.errorInstance.message
                  : String(details.errorInstance),
            });
          }
        }
        timeline.push({ at: Date.now(), route: '(end)' });
        console.log(
          `fuzz on ${backend}: ${routes.length} routes in ${Math.round((Date.now() - started) / 1000)} s`,
        );

        const report = failures
          .map(
            (f) =>
              `✗ ${f.route}\n  request: ${f.request}\n  problem: ${f.error}\n` +
              `  replay: FUZZ_SEED=${SEED} FUZZ_ROUTE=${JSON.stringify(f.route)} (route seed ${f.seed}, path ${f.path})`,
          )
          .join('\n');
        if (failures.length) console.error(`fuzz on ${backend} (FUZZ_SEED=${SEED}):\n${report}`);
        expect(report, `FUZZ_SEED=${SEED}`).toBe('');
      },
      20 * 60_000,
    );

    it('stays up throughout', async () => {
      expect(client.crashes, `FUZZ_SEED=${SEED}`).toEqual([]);
      expect(await client.alive()).toBe(true);
    });

    it(`answers GET /api/health within ${HEALTH_LIMIT_MS} ms throughout`, async () => {
      health = await poller.stop();
      const routeAt = (at: number) => timeline.filter((t) => t.at <= at).at(-1)?.route ?? '(setup)';
      const bad = health.bad.map(
        (p) => `${Math.round(p.ms)} ms (${p.outcome}) while fuzzing ${routeAt(p.at)}`,
      );
      console.log(
        `fuzz on ${backend}: ${health.probes} health probes, worst ${Math.round(health.worstMs)} ms` +
          (bad.length ? `; slow or failed: ${bad.slice(0, 10).join(', ')}` : ''),
      );
      expect(bad, `FUZZ_SEED=${SEED}`).toEqual([]);
      expect(health.worstMs).toBeLessThanOrEqual(HEALTH_LIMIT_MS);
    });
  });
});
