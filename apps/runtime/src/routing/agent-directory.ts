import { isWorkingTime } from '@caseflow/engine';
import type { AgentCapacity, BusinessCalendar } from '@caseflow/schema';
import type { AgentProfileRow } from '../store/routing-store';
import type { Store } from '../store/store';
import { capacityOf, isRoutableAgent } from './agent-profile';
import type { Candidate } from './assignment-policy';

/** How long a group's agents are read from the cache before the store is asked again. */
const TTL_MS = 2000;

interface Member {
  profile: AgentProfileRow;
  capacity: AgentCapacity;
  skills: Record<string, number>;
  away: Array<[number, number]>;
  load: AgentCapacity;
}
interface Entry {
  readAt: number;
  members: Member[];
}

/**
 * The agents of each group as routing ranks them, cached for two seconds (wall time) so that a
 * burst of new tasks does not read 200 profiles and their loads per task. The cache only ranks:
 * the router re-reads the chosen agent under a row lock and counts their load before it
 * assigns, so a stale entry can cost a second choice, never a wrong assignment. Changes made
 * by this process (presence, profiles, members, assignments) update or drop it at once.
 */
export class AgentDirectory {
  readonly #groups = new Map<string, Entry>();

  constructor(private readonly calendars: Readonly<Record<string, BusinessCalendar>>) {}

  /** The group's agents as candidates at `now`. */
  async candidates(tx: Store, group: string, now: number): Promise<Candidate[]> {
    let entry = this.#groups.get(group);
    if (!entry || performance.now() - entry.readAt > TTL_MS) {
      entry = await this.#read(tx, group);
      this.#groups.set(group, entry);
    }
    return entry.members.map((m) => ({
      username: m.profile.username,
      online: m.profile.presence === 'online',
      outOfOffice: m.away.some(([from, to]) => from <= now && now < to),
      onShift: m.profile.calendar === null || isWorkingTime(this.calendars[m.profile.calendar], now),
      skills: m.skills,
      capacity: m.capacity,
      load: m.load,
      lastOfferedAt: m.profile.lastOfferedAt,
    }));
  }

  /** Whether `profile` may take work at `now` apart from load: online, not away, on shift. */
  availableAt(profile: AgentProfileRow, now: number): boolean {
    if (profile.presence !== 'online') return false;
    if (profile.outOfOffice.some((p) => Date.parse(p.from) <= now && now < Date.parse(p.to))) return false;
    return profile.calendar === null || isWorkingTime(this.calendars[profile.calendar], now);
  }

  /** Notes an assignment (or a release, `delta` -1) made by this process in every cached group. */
  noteLoad(username: string, work: keyof AgentCapacity, delta: number, lastOfferedAt?: number): void {
    for (const entry of this.#groups.values()) {
      for (const m of entry.members) {
        if (m.profile.username !== username) continue;
        m.load = { ...m.load, [work]: Math.max(0, m.load[work] + delta) };
        if (lastOfferedAt !== undefined) m.profile = { ...m.profile, lastOfferedAt };
      }
    }
  }

  /** Drops everything cached (a presence, profile or membership change in this process). */
  invalidate(): void {
    this.#groups.clear();
  }

  async #read(tx: Store, group: string): Promise<Entry> {
    const readAt = performance.now();
    const users = (await tx.users.list()).filter((u) => u.groups.includes(group));
    const names = users.map((u) => u.username);
    const [profiles, loads] = await Promise.all([tx.routing.profiles(names), tx.routing.loads(names)]);
    const profileOf = new Map(profiles.map((p) => [p.username, p]));
    const members: Member[] = [];
    for (const user of users) {
      const profile = profileOf.get(user.username);
      // Nobody without a profile is online: they never set a presence.
      if (!profile || !isRoutableAgent(user)) continue;
      members.push({
        profile,
        capacity: capacityOf(profile),
        skills: Object.fromEntries(profile.skills.map((s) => [s.name, s.level])),
        away: profile.outOfOffice.map((p) => [Date.parse(p.from), Date.parse(p.to)]),
        load: loads.get(user.username) ?? { task: 0, chat: 0, email: 0 },
      });
    }
    return { readAt, members };
  }
}
