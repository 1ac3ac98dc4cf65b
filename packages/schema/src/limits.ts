import { z } from 'zod';

/**
 * Per-field bounds of request payloads (DESIGN §8 "Limits"): far above what a service desk
 * needs, low enough that no field can carry a megabyte. A value over a bound is a 400 naming
 * the field. (JSON depth and NUL characters are refused by the runtime for every route.)
 */
export const LIMITS = {
  /** Ids, keys, usernames, customer ids, outcomes and other references. */
  ref: 200,
  /** Group and tier names. */
  groupName: 64,
  /** Tags and labels. */
  tag: 100,
  /** Entries of lists of references: groups, tiers, tags, roles. */
  list: 100,
  /** Customer ids a pilot or catalog audience names. */
  customerIds: 10_000,
  /** Keys of a variables / values / attributes map. */
  mapKeys: 500,
  /** A map's or a signal payload's size as JSON, in characters. */
  jsonChars: 256 * 1024,
  /** The largest version number or score: PostgreSQL's `integer`. */
  int: 2_147_483_647,
} as const;

/** A flow version number: 1 up to PostgreSQL's largest `integer`. */
export const VersionNumber = z.number().int().min(1).max(LIMITS.int);

/** A reference to something by id, key or name: 1–200 characters. */
export const Ref = z.string().min(1).max(LIMITS.ref);

/** A group or tier name: lower-case letters, digits and dashes, at most 64 characters. */
export const GroupName = z
  .string()
  .max(LIMITS.groupName)
  .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits, dashes');

/** A group or tier as a user lists it: 1–64 characters. */
export const MemberName = z.string().min(1).max(LIMITS.groupName);

/** Characters of `value` as JSON, or -1 when it cannot be written as JSON. */
function jsonChars(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return -1;
  }
}

function checkSize(value: unknown, ctx: z.RefinementCtx): void {
  const n = jsonChars(value);
  if (n < 0) ctx.addIssue({ code: 'custom', message: 'must be JSON' });
  else if (n > LIMITS.jsonChars)
    ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.jsonChars} characters as JSON (got ${n})` });
}

/** Any JSON value of at most 256 KiB as text (signal payloads). */
export const BoundedJson = z.unknown().superRefine(checkSize);

/**
 * A JSON object of named values (case variables, form values, customer attributes): at most
 * 500 keys of at most 200 characters, 256 KiB as JSON.
 */
export const VariablesMap = z.record(z.string().max(LIMITS.ref), z.unknown()).superRefine((map, ctx) => {
  const keys = Object.keys(map).length;
  if (keys > LIMITS.mapKeys) {
    ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.mapKeys} keys (got ${keys})` });
    return;
  }
  checkSize(map, ctx);
});
