import { type MessagingAccount, MessagingAccountInput, type MessagingChannel } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { Clock } from '../clock';
import { openSecret, sealSecret } from '../connections/secret-box';
import { actingUser } from '../executor/acting-user';
import { badRequest, forbidden } from '../executor/errors';
import type { MessagingAccountRow } from '../store/messaging-store';
import type { Store } from '../store/store';

/*
 * The WhatsApp and SMS accounts (admin): which connection replies go out through, and the
 * secrets the provider signs its webhooks with, sealed with CASEFLOW_DATA_KEY like connection
 * credentials and never answered (`"secret": "set"`).
 */

export interface MessagingDeps {
  store: Store;
  clock: Clock;
  dataKey: Buffer;
}

/** The resource form of a row: no secret, sealed or not. */
export function toMessagingAccount(row: MessagingAccountRow): MessagingAccount {
  return {
    channel: row.channel,
    connection: row.connection,
    sender: row.sender,
    webhookUrl: row.webhookUrl,
    secret: 'set',
    ...(row.verifyToken !== null ? { verifyToken: 'set' as const } : {}),
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** Every configured account (admin). */
export async function listMessagingAccounts(deps: MessagingDeps, actor: string): Promise<MessagingAccount[]> {
  const user = await actingUser(deps.store, actor);
  if (!hasRole(user, 'admin')) throw forbidden('only admins manage messaging accounts');
  return (await deps.store.messaging.listAccounts()).map(toMessagingAccount);
}

/**
 * Sets a channel's account (admin), in one transaction: the connection must exist; the signing
 * secret (and WhatsApp's verify token, SMS's webhook URL) are required the first time, and a
 * secret left out later keeps the stored one. 400 naming the field otherwise.
 */
export function putMessagingAccount(
  deps: MessagingDeps,
  actor: string,
  channel: MessagingChannel,
  raw: unknown,
): Promise<MessagingAccount> {
  const input = MessagingAccountInput.parse(raw);
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    if (!hasRole(user, 'admin')) throw forbidden('only admins manage messaging accounts');
    if (!(await tx.connections.get(input.connection))) {
      throw badRequest(`connection ${input.connection} does not exist`, [
        { path: 'connection', message: 'no connection of this name' },
      ]);
    }
    const stored = await tx.messaging.getAccount(channel);
    const secret = input.secret
      ? sealSecret(deps.dataKey, input.secret, context(channel, 'secret'))
      : stored?.secret;
    if (!secret) throw required('secret', 'the webhook signing secret is required');
    const verifyToken = input.verifyToken
      ? sealSecret(deps.dataKey, input.verifyToken, context(channel, 'verify'))
      : (stored?.verifyToken ?? null);
    if (channel === 'whatsapp' && !verifyToken)
      throw required('verifyToken', 'WhatsApp needs a verify token');
    const webhookUrl = input.webhookUrl ?? stored?.webhookUrl ?? null;
    if (channel === 'sms' && !webhookUrl) {
      throw required('webhookUrl', 'SMS needs the webhook URL as configured at Twilio');
    }
    const row = await tx.messaging.putAccount({
      channel,
      connection: input.connection,
      sender: input.sender,
      webhookUrl,
      secret,
      verifyToken,
      updatedAt: deps.clock.now(),
      updatedBy: user.username,
    });
    return toMessagingAccount(row);
  });
}

/** A channel's account with its secrets opened, for the webhook routes only; null when none. */
export async function webhookAccount(
  deps: Pick<MessagingDeps, 'store' | 'dataKey'>,
  channel: MessagingChannel,
): Promise<{ row: MessagingAccountRow; secret: string; verifyToken: string | null } | null> {
  const row = await deps.store.messaging.getAccount(channel);
  if (!row) return null;
  return {
    row,
    secret: openSecret(deps.dataKey, row.secret, context(channel, 'secret')),
    verifyToken: row.verifyToken
      ? openSecret(deps.dataKey, row.verifyToken, context(channel, 'verify'))
      : null,
  };
}

const context = (channel: MessagingChannel, what: string) => `messaging:${channel}:${what}`;

function required(path: string, message: string) {
  return badRequest(message, [{ path, message }]);
}
