/** "5 Jan 2026, 09:00" in the browser's locale; "—" for null. Pure given the locale. */
export function formatDate(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A span of milliseconds as "2d 3h", "1h 05m", "4m 10s" or "12s"; negative spans get a minus. Pure. */
export function formatSpan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return `${sign}${d}d ${h}h`;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${sign}${m}m ${String(s).padStart(2, '0')}s`;
  return `${sign}${s}s`;
}

/** "due in 1h 05m" or "overdue by 3m 00s" relative to `now`. Pure. */
export function countdown(dueAt: string | number | null | undefined, now: number): string {
  if (dueAt === null || dueAt === undefined) return 'no due time';
  const left = new Date(dueAt).getTime() - now;
  return left >= 0 ? `due in ${formatSpan(left)}` : `overdue by ${formatSpan(-left)}`;
}
