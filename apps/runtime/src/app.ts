import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate } from './auth/authenticate';
import { messagingRoutes } from './channels/messaging.routes';
import { chatRoutes } from './chat/chat.routes';
import { visitorChatRoutes } from './chat/visitor-chat.routes';
import type { Config } from './config';
import type { Runtime } from './executor/types';
import { activationRoutes } from './http/activation.routes';
import { agentsRoutes } from './http/agents.routes';
import { setAnswerHeader } from './http/answer-header';
import { attachmentsRoutes } from './http/attachments.routes';
import { authRoutes } from './http/auth.routes';
import { bpmnRoutes } from './http/bpmn.routes';
import { caseFlowRoutes } from './http/case-flow.routes';
import { casesRoutes } from './http/cases.routes';
import { catalogRoutes } from './http/catalog.routes';
import { connectionsRoutes } from './http/connections.routes';
import type { AppDeps, AppEnv } from './http/context';
import { customersRoutes } from './http/customers.routes';
import { demoRoutes } from './http/demo.routes';
import { discardBody } from './http/discard-body';
import { docsPage } from './http/docs-page';
import { errorBody, notFoundHandler, onError } from './http/errors';
import { eventsRoutes } from './http/events.routes';
import { flowChoicesRoutes } from './http/flow-choices.routes';
import { flowsRoutes } from './http/flows.routes';
import { healthRoutes } from './http/health.routes';
import { incidentsRoutes } from './http/incidents.routes';
import { inputLimits } from './http/input-limits';
import { largeBodySlots } from './http/large-body-slots';
import { metricsRoutes } from './http/metrics.routes';
import { migrationsRoutes } from './http/migrations.routes';
import { defaultHook, newRouter } from './http/openapi';
import { outboxRoutes } from './http/outbox.routes';
import { pilotsRoutes } from './http/pilots.routes';
import { createMetrics, type Metrics } from './http/prometheus';
import { queueRoutes } from './http/queue.routes';
import { requestBody } from './http/request-body';
import { requestLog } from './http/request-log';
import { signalsRoutes } from './http/signals.routes';
import { supervisorRoutes } from './http/supervisor.routes';
import { surveysRoutes } from './http/surveys.routes';
import { tasksRoutes } from './http/tasks.routes';
import { testClockRoutes } from './http/test-clock.routes';
import { usersRoutes } from './http/users.routes';
import { kbRoutes } from './kb/kb.routes';
import type { Logger } from './logger';
import { responsesRoutes } from './responses/responses.routes';

/** What createApp needs. */
export interface CreateAppOptions {
  runtime: Runtime;
  config: Config;
  logger: Logger;
  /** Prometheus counters; one registry per process (default: a fresh one). */
  metrics?: Metrics;
}

/** POST here takes `messageBodyLimit`: a message carries its files as base64. */
const MESSAGE_PATH = /^\/api\/cases\/[^/]+\/messages$/;
/**
 * Large messages handled at once: each costs about six times its size in memory while it is
 * parsed and stored (a 25 MiB one some 150 MB), so four stay well inside the heap.
 */
const LARGE_BODY_SLOTS = 4;

/**
 * The HTTP application (DESIGN §4–§5): every route under /api, the OpenAPI document at
 * /api/openapi.json and a readable index at /api/docs, /health and /metrics at the root.
 * Does not listen and does not serve the designer (main.ts adds both).
 *
 * Middleware order: request id → security headers → request log → body limit → input limits →
 * authentication → route
 * (role check → validation → handler). Errors of every layer meet in one `onError`.
 */
export function createApp({ runtime, config, logger, metrics = createMetrics() }: CreateAppOptions) {
  const deps: AppDeps = { runtime, config, logger, metrics };
  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  app.onError(onError(logger));
  app.notFound(notFoundHandler);
  app.use('*', requestId());
  // nosniff, frame and referrer policies for the API and the designer alike; the designer's
  // pages get their Content-Security-Policy where they are served (static-designer.ts).
  app.use('*', secureHeaders({ xFrameOptions: 'DENY' }));
  // API answers are data, never a page: nothing in them may load or run, nor be framed. (The
  // /api/docs page carries its styles inline.)
  app.use('/api/*', async (c, next) => {
    await next();
    setAnswerHeader(
      c,
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
  });
  app.use('*', requestLog(logger, metrics));
  // Messages may carry files: a few of those at once, so that their bodies cannot fill the heap.
  const isMessage = (c: Context<AppEnv>) => c.req.method === 'POST' && MESSAGE_PATH.test(c.req.path);
  app.use(
    '/api/*',
    largeBodySlots(LARGE_BODY_SLOTS, config.bodyLimit, isMessage, async (c) => {
      await discardBody(c.req.raw, config.messageBodyLimit, 10_000);
      return c.json(errorBody('busy', 'too many large uploads at once: retry in a few seconds'), 503, {
        'Retry-After': '2',
        Connection: 'close',
      });
    }),
  );
  app.use(
    '/api/*',
    // The body is drained first (up to 16× the limit, 10 s) so that a client still sending it
    // reads the 413; closing the connection after it spares a pooling client from sending its
    // next request on a socket the server is about to drop.
    requestBody(
      // A message may carry files (base64 in its JSON): its route takes more than the others.
      (c) => (isMessage(c) ? config.messageBodyLimit : config.bodyLimit),
      async (c, limit) => {
        await discardBody(c.req.raw, limit * 16, 10_000);
        // The whole body is the field at fault (a message's attachments count in it).
        const what = isMessage(c) ? 'the message with its attachments' : 'the request body';
        const message = `${what} is over ${limit} bytes`;
        return c.json(errorBody('payload-too-large', message, [{ path: 'body', message, limit }]), 413, {
          Connection: 'close',
        });
      },
    ),
  );
  // JSON depth, NUL characters and lone surrogates are refused here once for every route.
  app.use('/api/*', inputLimits());
  // The runtime's time on every API answer: SLA due times are the runtime's instants, so the
  // designer's countdowns use this rather than the browser's clock (skewed, or a manual clock).
  app.use('/api/*', async (c, next) => {
    await next();
    setAnswerHeader(c, 'X-Caseflow-Time', String(runtime.clock.now()));
  });
  app.use('/api/*', authenticate(runtime.store, config.secret, config.sessions));

  const api = newRouter();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  for (const routes of [
    healthRoutes,
    demoRoutes,
    authRoutes,
    usersRoutes,
    agentsRoutes,
    customersRoutes,
    flowsRoutes,
    activationRoutes,
    flowChoicesRoutes,
    pilotsRoutes,
    catalogRoutes,
    casesRoutes,
    caseFlowRoutes,
    signalsRoutes,
    tasksRoutes,
    surveysRoutes,
    outboxRoutes,
    incidentsRoutes,
    metricsRoutes,
    connectionsRoutes,
    migrationsRoutes,
    bpmnRoutes,
    eventsRoutes,
    queueRoutes,
    supervisorRoutes,
    kbRoutes,
    responsesRoutes,
    attachmentsRoutes,
    messagingRoutes,
    chatRoutes,
    visitorChatRoutes,
  ]) {
    api.route('/', routes(deps));
  }
  if (config.clock === 'manual' && runtime.clock.kind === 'manual') api.route('/', testClockRoutes(deps));

  // Routes are fixed once the app is built: generate the document on first use, then reuse it.
  let cached: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  const document = () =>
    (cached ??= api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Caseflow API',
        version: '0.1.0',
        description: 'Case flows, service catalog, tasks, SLAs, pilots and analytics.',
      },
      servers: [{ url: '/api' }],
    }));
  api.get('/openapi.json', (c) => c.json(document()));
  api.get('/docs', (c) => c.html(docsPage(document())));

  app.route('/api', api);
  app.get('/health', async (c) => {
    await runtime.store.users.count();
    return c.json({ status: 'ok', db: runtime.store.dialect });
  });
  app.get('/metrics', async (c) => {
    const text = await metrics.render(runtime.store, runtime.clock.now());
    return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  return app;
}

/** The app's type, for tests and main. */
export type App = ReturnType<typeof createApp>;
