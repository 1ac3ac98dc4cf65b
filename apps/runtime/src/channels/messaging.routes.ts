import { timingSafeEqual } from 'node:crypto';
import { MessagingAccount, MessagingAccountInput, MessagingChannel } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import type { AppDeps, AppEnv, Router } from '../http/context';
import { AppError, badRequest, forbidden, notFound } from '../http/errors';
import { scanJson } from '../http/json-scan';
import { bearer, errorResponses, json, jsonBody, newRouter } from '../http/openapi';
import { listMessagingAccounts, putMessagingAccount, webhookAccount } from './messaging-accounts';
import { openConversation } from './open-conversation';
import { twilioMessage } from './sms/twilio-message';
import { TWILIO_SIGNATURE_HEADER, verifyTwilioSignature } from './sms/twilio-signature';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from './whatsapp/meta-signature';
import { WhatsAppWebhook, whatsappMessages } from './whatsapp/whatsapp-payload';

const tags = ['channels'];
const admin = requireRole('admin');
/** Twilio's answer when Caseflow has nothing to say back at once (replies go through the API). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const list = createRoute({
  method: 'get',
  path: '/channels/messaging',
  tags,
  summary: 'The WhatsApp and SMS accounts (admin; secrets never shown: "set")',
  security: bearer,
  middleware: [admin] as const,
  responses: { 200: json(z.object({ items: z.array(MessagingAccount) }), 'accounts'), ...errorResponses },
});
const put = createRoute({
  method: 'put',
  path: '/channels/{channel}/account',
  tags,
  summary: 'Set the WhatsApp or SMS account: reply connection, sender and webhook secrets (admin)',
  security: bearer,
  middleware: [admin] as const,
  request: { params: z.object({ channel: MessagingChannel }), body: jsonBody(MessagingAccountInput) },
  responses: { 200: json(MessagingAccount, 'the account'), ...errorResponses },
});
const verify = createRoute({
  method: 'get',
  path: '/channels/whatsapp/webhook',
  tags,
  summary: 'Meta’s subscription handshake: answers hub.challenge when hub.verify_token matches',
  request: {
    query: z.object({
      'hub.mode': z.string().max(100),
      'hub.verify_token': z.string().max(4096),
      'hub.challenge': z.string().max(1000),
    }),
  },
  responses: { 200: { description: 'the challenge, as text' }, ...errorResponses },
});
const whatsapp = createRoute({
  method: 'post',
  path: '/channels/whatsapp/webhook',
  tags,
  summary: 'WhatsApp Cloud API notifications, signed with X-Hub-Signature-256 (401 when not)',
  responses: { 200: json(z.object({ received: z.number().int() }), 'stored'), ...errorResponses },
});
const sms = createRoute({
  method: 'post',
  path: '/channels/sms/webhook',
  tags,
  summary: 'Twilio incoming SMS, form-encoded and signed with X-Twilio-Signature (401 when not)',
  responses: { 200: { description: 'empty TwiML' }, ...errorResponses },
});

const badSignature = () => new AppError('unauthorized', 401, 'the webhook signature does not match');

/**
 * GET /channels/messaging and PUT /channels/:channel/account (admin), and the provider webhooks
 * (DESIGN §10): anonymous, trusted only through the provider's signature over the request,
 * checked against the account's secret before anything is read or stored. Each message goes
 * through the one inbound door (runtime.deliverInboundMessage): the verified sender phone picks
 * the customer, the provider's message id keeps retried deliveries single.
 */
export function messagingRoutes({ runtime, config, logger }: AppDeps): Router {
  const r = newRouter();
  const deps = { store: runtime.store, clock: runtime.clock, dataKey: config.dataKey };

  r.openapi(list, async (c) =>
    c.json({ items: await listMessagingAccounts(deps, actorOf(c.get('user')!)) }, 200),
  );
  r.openapi(put, async (c) =>
    c.json(
      await putMessagingAccount(
        deps,
        actorOf(c.get('user')!),
        c.req.valid('param').channel,
        c.req.valid('json'),
      ),
      200,
    ),
  );

  r.openapi(verify, async (c) => {
    const q = c.req.valid('query');
    const account = await webhookAccount(deps, 'whatsapp');
    if (!account?.verifyToken) throw notFound('whatsapp account');
    if (q['hub.mode'] !== 'subscribe' || !sameText(q['hub.verify_token'], account.verifyToken)) {
      throw forbidden('the verify token does not match');
    }
    return c.text(q['hub.challenge'], 200);
  });

  r.openapi(whatsapp, async (c) => {
    const account = await webhookAccount(deps, 'whatsapp');
    if (!account) throw notFound('whatsapp account');
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifyMetaSignature(raw, c.req.header(META_SIGNATURE_HEADER), account.secret)) throw badSignature();
    const payload = WhatsAppWebhook.safeParse(parseJson(raw));
    if (!payload.success)
      throw badRequest('not a WhatsApp Cloud API notification', [
        { path: 'body', message: payload.error.message.slice(0, 500) },
      ]);
    const messages = whatsappMessages(payload.data, account.row.sender);
    for (const m of messages) {
      const caseId = await openConversation(runtime.store, 'whatsapp', m.phone);
      await runtime.deliverInboundMessage({
        channel: 'whatsapp',
        sender: { kind: 'phone', address: m.phone, ...(m.name ? { name: m.name } : {}) },
        body: m.body,
        externalId: m.externalId,
        ...(caseId ? { caseId } : {}),
      });
    }
    logger.info({ channel: 'whatsapp', messages: messages.length }, 'webhook received');
    return c.json({ received: messages.length }, 200);
  });

  r.openapi(sms, async (c) => {
    const account = await webhookAccount(deps, 'sms');
    if (!account) throw notFound('sms account');
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError('unsupported-media-type', 415, 'Twilio webhooks are form-encoded');
    }
    const params = [...new URLSearchParams(await c.req.text())];
    const url = account.row.webhookUrl ?? c.req.url;
    if (!verifyTwilioSignature(url, params, c.req.header(TWILIO_SIGNATURE_HEADER), account.secret)) {
      throw badSignature();
    }
    const message = twilioMessage(params);
    if (!('phone' in message)) throw badRequest(`${message.path}: ${message.message}`, [message]);
    const caseId = await openConversation(runtime.store, 'sms', message.phone);
    await runtime.deliverInboundMessage({
      channel: 'sms',
      sender: { kind: 'phone', address: message.phone },
      body: message.body,
      externalId: message.externalId,
      ...(caseId ? { caseId } : {}),
    });
    logger.info({ channel: 'sms' }, 'webhook received');
    return smsAnswer(c);
  });
  return r;
}

function smsAnswer(c: Context<AppEnv>) {
  return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml; charset=utf-8' });
}

/**
 * The JSON of a signed delivery: UTF-8, and checked for depth, NUL and lone surrogates here
 * whatever its content type says (the API-wide check reads JSON content types only).
 */
function parseJson(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw badRequest('the body is not UTF-8', [{ path: 'body', message: 'not UTF-8' }]);
  }
  const problem = scanJson(text);
  if (problem) {
    throw badRequest(`body: ${problem.message}`, [
      { path: problem.path || 'body', message: problem.message },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('the body is not JSON', [{ path: 'body', message: 'not JSON' }]);
  }
}

/** Constant-time equality of two texts (the verify token). */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
