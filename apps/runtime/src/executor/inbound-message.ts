import { createHash } from 'node:crypto';
import type { Channel } from '@caseflow/schema';
import type { CustomerRow, Store } from '../store/store';
import { mergedCustomer } from './customer-merge';
import { notFound } from './errors';
import { openFollowUp } from './follow-up';
import { type AttachmentInput, writeMessage } from './message-commands';
import type { RuntimeCore } from './runtime-core';
import type { AddedMessage } from './types';

/*
 * The one door every inbound channel goes through (DESIGN §10, STYLE 18): the SMTP listener,
 * the WhatsApp and SMS webhooks and the chat turn their protocol into an InboundMessage and
 * call deliverInboundMessage. Channels decide threading hints and trust; this decides customer,
 * case, message and signal, in one transaction.
 */

/** A message a customer sent on a channel, already parsed and trimmed by the channel. */
export interface InboundMessage {
  channel: Channel;
  /**
   * The sender's address: `email` (any case; compared case-insensitively) or `phone`
   * (normalised by the channel, E.164 such as +5511999990000). Only channels that verify the
   * address (a signed webhook, an accepted mail) may call with it: it picks the customer.
   */
  sender: { kind: 'email' | 'phone'; address: string; name?: string };
  body: string;
  /** Sanitised HTML (e-mail); body is its text. */
  html?: string;
  /** The subject of a new case (e-mail subject, else the body's first line). */
  subject?: string;
  attachments?: readonly AttachmentInput[];
  /**
   * The channel's id of the message (e-mail Message-ID, provider message id): a message
   * delivered twice with the same id is stored once (deliveries are at least once).
   */
  externalId?: string;
  /** The case the channel threads the message to (In-Reply-To of our mail, a chat session). */
  caseId?: string;
  /** A case number the customer named (`[REQ-000123]` in a subject); used when caseId is absent. */
  caseNumber?: number;
  /**
   * The customer the runtime already knows is writing (a signed-in customer in the live chat):
   * used instead of resolving the sender's address, which is then only recorded.
   */
  customerId?: string;
  /**
   * Reopen policy (e-mail: CASEFLOW_MAIL_REOPEN_DAYS): a message to the customer's own case
   * closed at most this long ago reopens it — a finished flow cannot be resumed, so it opens a
   * follow-up case on the closed case's flow; a message to one closed longer ago (or, without
   * this, to any closed case) opens a new case on the channel's flow. Either way the new case
   * is linked to the old one (`variables.previousCase`, a timeline entry on both).
   */
  reopenWithinMs?: number;
  /**
   * Runs inside the delivery's transaction once the message is stored: the caller's own rows
   * commit with it, and a throw undoes the whole delivery (the anonymous chat keeps its
   * visitor's capability and the case it opens together, and refuses a message that would
   * land on another case than the visitor's).
   */
  within?: (tx: Store, result: InboundResult) => Promise<void>;
}

/** What became of an inbound message. */
export interface InboundResult {
  /** threaded: added to an open case; opened: a new case; duplicate: stored before, nothing done. */
  outcome: 'threaded' | 'opened' | 'duplicate';
  caseId: string;
  customerId: string;
  message: AddedMessage | null;
  /** With `opened`: the closed case the customer answered, which the new case continues. */
  previousCaseId?: string;
  /** With previousCaseId: whether the new case reopens it (same flow, within the policy's days). */
  reopened?: boolean;
}

/**
 * Delivers an inbound message from `sender` on `channel`, in one transaction:
 * 1. the customer is the oldest one whose e-mail/phone is the address, else a new contact
 *    (a deterministic id from the address, so two concurrent first messages make one contact);
 *    a merged contact found so is the customer it was merged into;
 * 2. a message of that customer already stored with the same (channel, externalId) is a
 *    `duplicate`; one of another customer's keeps its id, and this one is stored without;
 * 3. the case is `caseId` (else the case numbered `caseNumber`) when it is that customer's own
 *    top-level case — a hint naming someone else's case is ignored, so knowing a number
 *    gets a stranger nothing; an open case takes the message (`threaded`), and the flow's
 *    `customer-replied` signal is delivered when a wait expects it;
 * 4. a closed case it names is followed up (see `reopenWithinMs`): a new case linked to it,
 *    on its own flow with its subject, priority and variables when it closed within the
 *    policy's window and that flow is still active ("reopened"), else on the flow bound to the
 *    channel; once such a follow-up is open, later messages to the closed case thread to it;
 * 5. otherwise a new case opens on the flow bound to the channel (start trigger
 *    `{"kind":"case","channels":[…]}`, DESIGN §10); 422 `not-eligible` when no active flow
 *    takes the channel (nothing is stored).
 * The message is public, from the customer, with no author (the channel brought it).
 */
export function deliverInboundMessage(core: RuntimeCore, input: InboundMessage): Promise<InboundResult> {
  return core.events.run(async (session) => {
    const { tx } = session;
    const customer = input.customerId
      ? await knownCustomer(tx, input.customerId)
      : await resolveCustomer(tx, input.sender, session.now);
    let externalId = input.externalId ?? null;
    if (externalId) {
      const seen = await tx.channels.messageByExternalId(input.channel, externalId);
      if (seen?.customerId === customer.id) {
        return { outcome: 'duplicate', caseId: seen.caseId, customerId: customer.id, message: null };
      }
      // The sender picks a Message-ID: one another customer's message holds is no duplicate (the
      // answer would name their case, and a replay taken first would drop their mail). It is
      // stored without it, the id staying theirs (a re-delivery of it is then stored again:
      // the lesser harm).
      if (seen) externalId = null;
    }
    const fields = {
      body: input.body,
      channel: input.channel,
      visibility: 'public' as const,
      from: 'customer' as const,
      author: null,
      attachments: input.attachments,
      address: input.sender.address || null,
      html: input.html ?? null,
      externalId,
    };
    const target = await threadTarget(tx, input, customer.id);
    if (target?.status === 'open') {
      const live = await session.require(target.id);
      const message = await writeMessage(session, live, fields);
      const threaded: InboundResult = {
        outcome: 'threaded',
        caseId: target.id,
        customerId: customer.id,
        message,
      };
      await input.within?.(tx, threaded);
      return threaded;
    }
    const closed = target ?? null;
    const { live, reopened, opened } = await openFollowUp(core, session, closed, {
      customerId: customer.id,
      channel: input.channel,
      subject: subjectOf(input),
      reopenWithinMs: input.reopenWithinMs,
    });
    const message = await writeMessage(session, live, fields);
    const result: InboundResult = opened
      ? {
          outcome: 'opened',
          caseId: live.row.id,
          customerId: customer.id,
          message,
          ...(closed ? { previousCaseId: closed.id, reopened } : {}),
        }
      : { outcome: 'threaded', caseId: live.row.id, customerId: customer.id, message };
    await input.within?.(tx, result);
    return result;
  });
}

/** The id of a contact created from an address: the same address always gives the same id. */
export function contactId(kind: 'email' | 'phone', address: string): string {
  const key = `${kind}:${kind === 'email' ? address.toLowerCase() : address}`;
  return `c-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** The customer by id; a merged contact's id is the customer it was merged into. */
async function knownCustomer(tx: Store, id: string): Promise<CustomerRow> {
  const customer = await tx.customers.get(id);
  if (!customer) throw notFound('customer', id);
  return mergedCustomer(tx, customer);
}

async function resolveCustomer(
  tx: Store,
  sender: InboundMessage['sender'],
  now: number,
): Promise<CustomerRow> {
  // An address only a merged contact (tombstone) holds lands on the customer it was merged into.
  const known = await tx.channels.customerByAddress(sender.kind, sender.address);
  if (known) return mergedCustomer(tx, known);
  const id = contactId(sender.kind, sender.address);
  // A contact made from this address before its e-mail/phone was edited away: still theirs.
  const made = await tx.customers.get(id);
  if (made) return mergedCustomer(tx, made);
  // A concurrent first message creating the same id fails with StoreConflict: the event
  // transaction runs again and finds it.
  return tx.customers.create({
    id,
    name: (sender.name?.trim() || sender.address).slice(0, 200),
    ...(sender.kind === 'email' ? { email: sender.address } : { phone: sender.address }),
    createdAt: now,
    updatedAt: now,
  });
}

/** The customer's own top-level case the channel's hints name, or null. */
async function threadTarget(tx: Store, input: InboundMessage, customerId: string) {
  const id = input.caseId ?? (input.caseNumber ? await tx.channels.caseIdByNumber(input.caseNumber) : null);
  if (!id) return null;
  const row = await tx.cases.get(id);
  if (!row || row.customerId !== customerId || row.parentCaseId !== null) return null;
  return row;
}

/** A case subject: the given one, else the body's first non-empty line, bounded. */
function subjectOf(input: InboundMessage): string {
  const text =
    input.subject?.trim() ||
    input.body
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ||
    '';
  return text.slice(0, 500);
}
