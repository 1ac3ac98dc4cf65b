import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { HttpCallResult } from '../outbox/http-call';
import type { ClaimedTimer, IncidentSourceJson, OutboxKind } from '../store/store';
import { canonicalJson } from './canonical-json';

/*
 * What an incident re-runs on retry (DESIGN §8), stored as the incident's `source` JSON:
 * - command: a facade command (open a case, complete a task, a signal…) with its arguments;
 * - timer: a due timer, fired again into its case;
 * - http.result: the result of an HTTP action whose case could not take it in;
 * - outbox: an outbox row whose delivery crashed;
 * - unknown: an event transaction run without a description (nothing to re-run; resolve it).
 * `key` identifies the source: a repeat of the same failure bumps the open incident.
 */

/** The Runtime facade methods that run an event and may be re-run by an incident retry. */
export const RETRYABLE_COMMANDS = [
  'openCase',
  'openCaseAs',
  'requestFromCatalog',
  'sendEvent',
  'signal',
  'addMessage',
  'cancelCase',
  'claimTask',
  'completeTask',
  'escalateTask',
  'delegateTask',
  'declineTask',
  'answerSurvey',
] as const;
export type RetryableCommand = (typeof RETRYABLE_COMMANDS)[number];

export type CommandSource = IncidentSourceJson & {
  type: 'command';
  command: RetryableCommand;
  args: unknown[];
};
export type TimerSource = IncidentSourceJson & {
  type: 'timer';
  timer: Pick<ClaimedTimer, 'id' | 'caseId' | 'timerId' | 'purpose' | 'dueAt'>;
};
export type HttpResultSource = IncidentSourceJson & {
  type: 'http.result';
  outboxId: string;
  caseId: string;
  callId: string;
  nodeId: string | null;
  attempts: number;
  result: HttpCallResult;
};
export type OutboxSource = IncidentSourceJson & {
  type: 'outbox';
  outboxId: string;
  caseId: string | null;
  kind: OutboxKind;
};
export type UnknownSource = IncidentSourceJson & { type: 'unknown' };
export type IncidentSource = CommandSource | TimerSource | HttpResultSource | OutboxSource | UnknownSource;

/** Where a failure came from: decides the incident kind when it is not an expression budget. */
export type Origin = 'command' | 'timer' | 'delivery';

type Args = unknown[];
type Fields = Record<string, unknown> | null | undefined;

/**
 * What identifies one command for its incident: what it acts on and who asks, never the
 * free-form data it carries (variables, message bodies, comments, reasons). Keyed by the
 * whole arguments, every request differing in one character opened an incident of its own
 * holding its body, so one customer could fill the incident list and the database by
 * resubmitting a request a flow expression fails on.
 */
const IDENTITY: Record<RetryableCommand, (args: Args) => unknown[]> = {
  openCase: ([input]) => [(input as Fields)?.flow, (input as Fields)?.customerId, (input as Fields)?.actor],
  openCaseAs: ([input]) => [(input as Fields)?.flow, (input as Fields)?.customerId, (input as Fields)?.actor],
  requestFromCatalog: ([input]) => [
    (input as Fields)?.item,
    (input as Fields)?.onBehalfOf,
    (input as Fields)?.actor,
  ],
  sendEvent: ([caseId, event, actor]) => [caseId, (event as Fields)?.type, actor],
  signal: ([caseId, name, , actor]) => [caseId, name, actor],
  addMessage: ([caseId, message]) => [caseId, (message as Fields)?.from, (message as Fields)?.author],
  cancelCase: ([caseId, , actor]) => [caseId, actor],
  claimTask: ([taskId, user]) => [taskId, user],
  completeTask: ([taskId, input, actor]) => [taskId, (input as Fields)?.outcome, actor],
  escalateTask: ([taskId, , actor]) => [taskId, actor],
  delegateTask: ([taskId, to, actor]) => [taskId, to, actor],
  declineTask: ([taskId, , actor]) => [taskId, actor],
  answerSurvey: ([token]) => [token],
};

/**
 * The source of a facade command; arguments are kept as JSON (undefined members dropped), the
 * latest repeat's on a bump. Its key is the command's identity (IDENTITY): a repeat of the
 * same command on the same thing by the same person bumps the open incident.
 */
export function commandSource(command: RetryableCommand, args: unknown[]): CommandSource {
  const json = JSON.parse(
    JSON.stringify(bytesAsBase64(args), (_k, v) => (v === undefined ? null : v)),
  ) as unknown[];
  const identity = IDENTITY[command](json).map((v) => v ?? null);
  const digest = createHash('sha256').update(canonicalJson(identity)).digest('hex').slice(0, 24);
  return { type: 'command', key: `command:${command}:${digest}`, command, args: json };
}

/**
 * A copy of `value` with byte buffers (message attachments) as base64 strings: Buffer's own
 * toJSON spells each byte as a number, ten times the size and slow for a file of megabytes.
 * The facade turns them back (runtime.ts, addMessage) when a retry replays the arguments.
 */
function bytesAsBase64(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map(bytesAsBase64);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bytesAsBase64(v)]));
  }
  return value;
}

/** The source of a due timer. */
export function timerSource(timer: ClaimedTimer): TimerSource {
  const { id, caseId, timerId, purpose, dueAt } = timer;
  return { type: 'timer', key: `timer:${id}`, timer: { id, caseId, timerId, purpose, dueAt } };
}

/** The source of an outbox row whose processing crashed. */
export function outboxSource(row: { id: string; caseId: string | null; kind: OutboxKind }): OutboxSource {
  return { type: 'outbox', key: `outbox:${row.id}`, outboxId: row.id, caseId: row.caseId, kind: row.kind };
}

/** The case a source names, when it names one. */
export function caseOfSource(source: IncidentSource): string | null {
  switch (source.type) {
    case 'timer':
      return source.timer.caseId;
    case 'http.result':
    case 'outbox':
      return source.caseId;
    default:
      return null;
  }
}

/** The command running in this async context, and the incident its success resolves (a retry). */
interface CommandContext {
  /**
   * Made only when an incident asks for it: copying the arguments costs a request's worth of
   * time for every command (seconds of stalled event loop for 25 MiB of attachments), and
   * almost no command fails.
   */
  source?: (() => CommandSource) | undefined;
  resolves?: { incidentId: string; by: string } | undefined;
}
const commandContext = new AsyncLocalStorage<CommandContext>();

/**
 * Runs a facade command with its source in context, so that the event transaction it starts
 * can describe itself in an incident. An enclosing retry's `resolves` is kept.
 */
export function asCommand<A extends unknown[], R>(
  command: RetryableCommand,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args: A) => {
    const resolves = commandContext.getStore()?.resolves;
    let made: CommandSource | undefined;
    const source = () => {
      made ??= commandSource(command, args);
      return made;
    };
    return commandContext.run({ source, resolves }, () => fn(...args));
  };
}

/** Runs `fn` (a retry) so that the first event transaction that commits resolves the incident. */
export function resolvingIncident<T>(incidentId: string, by: string, fn: () => Promise<T>): Promise<T> {
  const outer = commandContext.getStore();
  const ctx: CommandContext = { source: outer?.source, resolves: { incidentId, by } };
  return commandContext.run(ctx, fn);
}

/** The command of this async context, if any. */
export function currentCommand(): CommandSource | undefined {
  return commandContext.getStore()?.source?.();
}

/** Takes (once) the incident the current retry resolves when its transaction commits. */
export function takeResolution(): { incidentId: string; by: string } | undefined {
  const ctx = commandContext.getStore();
  const resolves = ctx?.resolves;
  if (ctx) ctx.resolves = undefined;
  return resolves;
}
