import { isoDurationToMs } from '../../i18n/format';

/** The units an owner picks a duration in, smallest first. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A duration as an owner says it: "2 hours". */
export interface DurationInput {
  amount: number;
  unit: DurationUnit;
}

const UNIT_MS: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/**
 * The ISO-8601 text of a duration the engine reads: 2 hours → `PT2H`, 3 days → `P3D`,
 * 1 week → `P1W`. Null for an amount that is not a whole number above 0. Pure.
 */
export function durationToIso({ amount, unit }: DurationInput): string | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return null;
  switch (unit) {
    case 'minutes':
      return `PT${amount}M`;
    case 'hours':
      return `PT${amount}H`;
    case 'days':
      return `P${amount}D`;
    case 'weeks':
      return `P${amount}W`;
  }
}

/**
 * An ISO-8601 duration in the largest unit that holds it whole: `PT90M` → 90 minutes,
 * `PT2H` → 2 hours, `P1DT12H` → 36 hours, `P14D` → 2 weeks. Null when no unit holds it
 * whole (seconds, fractions of a minute) or it is no duration, or names years or months,
 * whose length depends on the date. Pure.
 */
export function durationFromIso(iso: string | undefined): DurationInput | null {
  if (!iso) return null;
  const ms = isoDurationToMs(iso);
  if (ms === null || ms <= 0) return null;
  for (const unit of [...DURATION_UNITS].reverse()) {
    if (ms % UNIT_MS[unit] === 0) return { amount: ms / UNIT_MS[unit], unit };
  }
  return null;
}
