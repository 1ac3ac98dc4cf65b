import type { Channel } from '@caseflow/schema';
import type { DemoRandom } from './demo-random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The demo's agents sit where the example business calendar is. */
const TIME_ZONE = 'Europe/Berlin';
/** Agents work 08:30–18:00 local, Monday to Friday (a little longer than the SLA calendar). */
const SHIFT_START = 8 * 60 + 30;
const SHIFT_END = 18 * 60;

/** Working hours of the demo's agents in local time. */
export interface WorkHours {
  isWorking(at: number): boolean;
  /** `at` when it is in working hours, else the next shift's start plus a few random minutes. */
  next(at: number, random: DemoRandom): number;
  /** Local weekday (0 Sunday … 6 Saturday) and minute of the day at `at`. */
  local(at: number): { weekday: number; minute: number };
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The agents' working hours (Europe/Berlin, daylight saving time included). */
export function demoWorkHours(): WorkHours {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const local = (at: number) => {
    let weekday = 0;
    let minute = 0;
    for (const p of fmt.formatToParts(at)) {
      if (p.type === 'weekday') weekday = WEEKDAYS[p.value] ?? 0;
      else if (p.type === 'hour') minute += Number(p.value) * 60;
      else if (p.type === 'minute') minute += Number(p.value);
    }
    return { weekday, minute };
  };
  const workday = (weekday: number) => weekday >= 1 && weekday <= 5;
  const isWorking = (at: number) => {
    const { weekday, minute } = local(at);
    return workday(weekday) && minute >= SHIFT_START && minute < SHIFT_END;
  };
  return {
    local,
    isWorking,
    next(at, random) {
      if (isWorking(at)) return at;
      const { weekday, minute } = local(at);
      let days = workday(weekday) && minute < SHIFT_START ? 0 : 1;
      while (!workday((weekday + days) % 7)) days++;
      return at - minute * MIN + days * DAY + SHIFT_START * MIN + random.int(0, 45) * MIN;
    },
  };
}

/** One new case of the history: when, from which channel, for which catalog item. */
export interface DemoArrival {
  at: number;
  channel: Channel;
  item: string;
}

/** The mix of requests: small service requests most, then lost cards and password resets. */
const ITEMS = {
  'report-lost-card': 24,
  'password-reset': 24,
  'update-address': 20,
  'dispute-transaction': 18,
  'card-limit': 14,
};

/** Relative volume per local hour of the day: mornings and early afternoons are busiest. */
const HOURLY = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.6, 3.4, 3.6, 3.2, 2.4, 2.6, 3.0, 2.8, 2.4, 1.8, 1.3, 1.1, 1.0,
  0.9, 0.6, 0.4,
];

/**
 * The cases of the history, oldest first: about `perWeekday` a weekday (a third on weekends),
 * growing a little over the period, spread over the day by HOURLY; phone and chat only while
 * the desk is staffed, the portal and e-mail at any hour.
 */
export function planArrivals(
  random: DemoRandom,
  hours: WorkHours,
  options: { start: number; end: number; perWeekday: number },
): DemoArrival[] {
  const out: DemoArrival[] = [];
  const total = HOURLY.reduce((s, w) => s + w, 0);
  const days = Math.ceil((options.end - options.start) / DAY);
  for (let d = 0; d <= days; d++) {
    const noon = options.start + d * DAY;
    const { weekday, minute } = hours.local(noon);
    const midnight = noon - minute * MIN;
    const weekend = weekday === 0 || weekday === 6;
    const trend = 0.85 + 0.3 * (d / days);
    const count = Math.round(options.perWeekday * (weekend ? 0.33 : 1) * trend * random.between(0.8, 1.2));
    for (let i = 0; i < count; i++) {
      let r = random.next() * total;
      let hour = 0;
      while (hour < 23 && r >= HOURLY[hour]!) r -= HOURLY[hour++]!;
      const at = midnight + hour * HOUR + random.int(0, 59) * MIN + random.int(0, 59) * 1000;
      if (at < options.start || at > options.end) continue;
      let channel = random.weighted({ web: 50, phone: 20, email: 18, chat: 12 }) as Channel;
      if ((channel === 'phone' || channel === 'chat') && !hours.isWorking(at)) channel = 'web';
      const item = random.weighted(ITEMS);
      out.push({ at, channel, item });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
