import { z } from 'zod';
import { LIMITS, Ref, VersionNumber } from './limits';
import { PilotFindings } from './metrics';
import { FeelExpression } from './primitives';

export const PilotCreate = z
  .object({
    version: VersionNumber,
    percentage: z.number().min(0).max(100).default(0),
    /** FEEL over the customer profile; a customer matching any segment is in the pilot. */
    segments: z.array(FeelExpression).max(LIMITS.list).default([]),
    customerIds: z.array(Ref).max(LIMITS.customerIds).default([]),
    note: z.string().max(2000).default(''),
  })
  .refine((p) => p.percentage > 0 || p.segments.length > 0 || p.customerIds.length > 0, {
    message: 'a pilot needs a percentage, segments or customerIds',
    path: ['percentage'],
  });
export type PilotCreate = z.infer<typeof PilotCreate>;

export const PilotStatus = z.enum(['active', 'promoted', 'stopped']);
export const Cohort = z.enum(['pilot', 'control']);
export type Cohort = z.infer<typeof Cohort>;

export const Pilot = z.object({
  id: z.string(),
  flow: z.string(),
  version: z.number().int(),
  baselineVersion: z.number().int().nullable(),
  percentage: z.number(),
  segments: z.array(z.string()),
  customerIds: z.array(z.string()),
  note: z.string(),
  status: PilotStatus,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});
export type Pilot = z.infer<typeof Pilot>;

/** GET /api/pilots/:id/report: the pilot and its findings against the control cohort. */
export const PilotReport = PilotFindings.extend({ pilot: Pilot });
export type PilotReport = z.infer<typeof PilotReport>;
