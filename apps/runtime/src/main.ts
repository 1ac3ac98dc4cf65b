import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { type CoreBankingStub, startCoreBankingStub } from '../../../examples/core-banking/stub';
import { exampleCalendars } from '../../../examples/index';
import { createApp } from './app';
import { ensureAdmin } from './auth/bootstrap-admin';
import { loadMailConfig } from './channels/email/mail-config';
import { type SmtpListener, startSmtpListener } from './channels/email/smtp-listener';
import { clockFromEnv } from './clock';
import { ConfigError, loadConfig } from './config';
import { createRuntime } from './executor/runtime';
import type { Runtime } from './executor/types';
import { capConnectionsPerAddress, requestTimeouts } from './http/connection-limits';
import { IDEMPOTENCY_TTL_MS } from './http/idempotency';
import { designerDistDir, mountDesigner } from './http/static-designer';
import { createLogger, type Logger } from './logger';
import { isEmptyDatabase, repointDemoCoreBanking, seedDemo } from './seed/demo';
import { DEMO_PASSWORD } from './seed/demo-data';
import { seedLivingDemo } from './seed/demo-living';
import { demoAgentsAtWork } from './seed/demo-presence';
import { openStore } from './store/open-store';
import { tuneV8ForCaseSteps } from './v8-tuning';

/**
 * The runtime process: configuration from the environment only (DESIGN §4), store, runtime
 * with its timer and outbox loops, the HTTP app and the built designer; graceful shutdown on
 * SIGTERM / SIGINT (stop accepting, finish the loops, close the store).
 */
async function main(): Promise<void> {
  tuneV8ForCaseSteps();
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  if (config.generatedKeys.length > 0) {
    // What ends with this process, key by key: only what the generated keys protect.
    const ends: Record<string, string> = {
      CASEFLOW_SECRET: 'sessions',
      CASEFLOW_WEBHOOK_SECRET: 'webhook signatures',
      CASEFLOW_DATA_KEY: 'stored connection credentials',
    };
    const what = config.generatedKeys.map((k) => ends[k] ?? k).join(', ');
    logger.warn(
      { keys: config.generatedKeys },
      `keys not set: generated for this process (${what} do not outlive it)`,
    );
  }
  if (config.db.kind === 'sqlite' && config.db.file !== ':memory:') {
    mkdirSync(dirname(config.db.file), { recursive: true });
  }
  const store = await openStore({
    DATABASE_URL: config.db.kind === 'postgres' ? config.db.url : undefined,
    CASEFLOW_DB: config.db.kind === 'sqlite' ? config.db.file : undefined,
  });
  const clock = clockFromEnv(process.env);
  // The lost-card example freezes accounts through the `core-banking` connection, which the demo
  // seed points at CORE_BANKING_URL (token: CORE_BANKING_TOKEN) or at a stub of its own that
  // checks a random bearer token.
  let coreBanking: CoreBankingStub | null = null;
  let coreBankingUrl = process.env.CORE_BANKING_URL?.trim();
  let coreBankingToken = process.env.CORE_BANKING_TOKEN?.trim() || undefined;
  if (!coreBankingUrl && config.demo) {
    coreBankingToken ??= randomBytes(24).toString('base64url');
    coreBanking = await startCoreBankingStub({ token: coreBankingToken });
    coreBankingUrl = coreBanking.url;
    logger.info({ url: coreBankingUrl }, 'demo core-banking stub listening (CORE_BANKING_URL unset)');
  }
  // Flows see only these settings as `env` (DESIGN §2: allow-listed), never the whole environment.
  const flowEnv: Record<string, string> = coreBankingUrl ? { CORE_BANKING_URL: coreBankingUrl } : {};
  // The business calendars ship with the examples (there is no calendar editor yet).
  const runtime = createRuntime({
    store,
    clock,
    env: process.env,
    logger,
    calendars: exampleCalendars,
    flowEnv,
    dataKey: config.dataKey,
    outbox: config.outbox,
  });

  let seeded = false;
  if (config.demo && (await isEmptyDatabase(store))) {
    seeded = true;
    try {
      const coreBankingSeed = coreBankingUrl
        ? { coreBanking: { url: coreBankingUrl, token: coreBankingToken } }
        : {};
      if (config.demoHistory) {
        const living = await seedLivingDemo({
          store,
          now: clock.now(),
          calendars: exampleCalendars,
          flowEnv,
          dataKey: config.dataKey,
          adminPassword: config.adminPassword,
          ...coreBankingSeed,
        });
        logger.info(living, 'demo data and 90 days of history seeded (password demo1234)');
        console.log(
          `demo history seeded in ${(living.ms / 1000).toFixed(1)} s: ${living.history.cases} cases`,
        );
      } else {
        const report = await seedDemo(runtime, { adminPassword: config.adminPassword, ...coreBankingSeed });
        logger.info({ seed: report }, 'demo data seeded (password demo1234)');
      }
    } catch (error) {
      // Processes started together on one empty PostgreSQL database all find it empty; the
      // first insert of every other one clashes with the seeding process's rows (a unique
      // key): that process finishes the seed, this one just serves.
      if ((error as { code?: unknown } | null)?.code !== 'conflict') throw error;
      logger.warn({ err: (error as Error).message }, 'demo data is being seeded by another process');
    }
  }
  if (coreBanking && coreBankingToken && !seeded) {
    // A demo restarted on its database: its stub listens on a new port with a new token.
    await repointDemoCoreBanking(runtime, { url: coreBanking.url, token: coreBankingToken });
  }
  // The generated password goes to stdout once, never to the JSON log. In demo mode admin's
  // password is the demo one: a process that finds the database already being seeded by
  // another (started together) may be the one that creates admin, and the demo logins must
  // hold whichever process does.
  await ensureAdmin(store, {
    password: config.adminPassword ?? (config.demo ? DEMO_PASSWORD : undefined),
    now: clock.now(),
    print: (l) => console.log(l),
  });

  const app = createApp({ runtime, config, logger });
  const designer = designerDistDir(import.meta.url);
  if (!mountDesigner(app, designer))
    logger.warn({ dir: designer }, 'designer not built: serving the API only');

  runtime.startBackground();
  if (config.demoPresence) {
    // The demo's routing needs someone online: whoever is at work per their calendar is.
    const online = await demoAgentsAtWork(runtime);
    if (online.length > 0) logger.info({ online }, 'demo agents at work are online');
  }
  const smtp = await startMail(runtime, config.demo, logger);
  // Idempotency keys are answered again for a day; older rows only take space.
  const purge = setInterval(() => {
    store.idempotency
      .purge(Date.now() - IDEMPOTENCY_TTL_MS)
      .catch((err: unknown) => logger.warn({ err }, 'purge'));
  }, 3_600_000);
  purge.unref();
  const server = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      serverOptions: requestTimeouts(config.connections.requestTimeoutMs),
    },
    (info) => {
      logger.info({ port: info.port, host: config.host, db: store.dialect, clock: clock.kind }, 'listening');
      // The address it listens on; a wildcard host is reached as localhost on this machine.
      const shown =
        !config.host || config.host === '0.0.0.0' || config.host === '::'
          ? 'localhost'
          : config.host.includes(':')
            ? `[${config.host}]`
            : config.host;
      console.log(`caseflow runtime listening on http://${shown}:${info.port}`);
    },
  );
  capConnectionsPerAddress(server, config.connections.perAddress, (address, refusals) =>
    logger.warn(
      { address, refusals, max: config.connections.perAddress },
      'too many connections from one address',
    ),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearInterval(purge);
    await new Promise<void>((done) => server.close(() => done()));
    await runtime.close();
    await store.close();
    await smtp?.close();
    await coreBanking?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * The SMTP listener when CASEFLOW_SMTP_PORT is set, or in demo mode (port 2525, or any free
 * port when that one is taken); its port is printed. Off otherwise.
 */
async function startMail(runtime: Runtime, demo: boolean, logger: Logger): Promise<SmtpListener | null> {
  const mail = loadMailConfig(process.env, demo);
  // Where replies by e-mail go, said once at start (the SMTP URL's credentials never are).
  if (mail.smtpUrl) logger.info({ from: mail.from }, 'e-mail out: SMTP (CASEFLOW_SMTP_URL)');
  else if (mail.sinkDir) {
    logger.info({ dir: mail.sinkDir }, 'e-mail out: demo sink (CASEFLOW_SMTP_URL unset)');
    console.log(`caseflow mail out: no CASEFLOW_SMTP_URL, mail is written to ${mail.sinkDir}/*.eml`);
  } else {
    logger.warn(
      {},
      'e-mail out is off: CASEFLOW_SMTP_URL is not set; e-mail replies stay unsent in the outbox',
    );
  }
  if (mail.smtpPort === null) return null;
  const start = (port: number) => startSmtpListener({ runtime, config: mail, logger, port });
  let listener: SmtpListener;
  try {
    listener = await start(mail.smtpPort);
  } catch (error) {
    if (!demo || (error as { code?: string }).code !== 'EADDRINUSE') throw error;
    listener = await start(0);
  }
  logger.info({ port: listener.port, domains: mail.domains }, 'smtp listening');
  console.log(`caseflow mail (SMTP) listening on port ${listener.port}`);
  return listener;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else {
    const details = (error as { details?: unknown } | null)?.details;
    console.error('caseflow runtime failed to start:', error instanceof Error ? error.message : error);
    if (details !== undefined) console.error(JSON.stringify(details, null, 2));
  }
  process.exit(1);
});
