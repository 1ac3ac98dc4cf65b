import { z } from 'zod';

/** Stable ids chosen by the designer: lower-case, digits and dashes, starting with a letter. */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must match ^[a-z][a-z0-9-]*$ (lower-case letters, digits, dashes)');

/** Keys of flows, catalog items, calendars: same alphabet as ids. */
export const Key = Id;

/** ISO-8601 duration such as PT30M, P1D, P1DT2H, P2W. */
export const IsoDuration = z
  .string()
  .regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    'must be an ISO-8601 duration such as PT30M or P1D',
  );

/** A FEEL expression, evaluated by the engine with `feelin`. Never JavaScript. */
export const FeelExpression = z.string().min(1, 'expression is empty').max(4000);

/** ISO-8601 instant with offset, e.g. 2026-01-05T09:00:00Z. */
export const IsoInstant = z.iso.datetime({ offset: true });

export const Channel = z.enum(['email', 'chat', 'phone', 'web', 'sms', 'whatsapp', 'social', 'api']);
export type Channel = z.infer<typeof Channel>;

export const Role = z.enum(['admin', 'owner', 'agent', 'customer']);
export type Role = z.infer<typeof Role>;

export const Priority = z.enum(['low', 'normal', 'high', 'critical']);
export type Priority = z.infer<typeof Priority>;
