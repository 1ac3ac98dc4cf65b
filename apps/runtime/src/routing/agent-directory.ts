import { isWorkingTime } from '@caseflow/engine';
import type { AgentCapacity, BusinessCalendar } from '@caseflow/schema';
import type { CaseSession } from '../executor/case-session';
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
  /** The entry's place among reads, numbered as they begin (see LoadNote.reads). */
  seq: number;
  members: Member[];
  /**
   * Read by an event after it changed loads itself, so holding what it has not committed: only
   * that event uses it until it commits (others read afresh), lest a rollback leave it behind.
   */
  owner?: Pending;
}
/** A load change an event made, as noteLoad recorded it. */
interface LoadNote {
  username: string;
  work: keyof AgentCapacity;
  delta: number;
  lastOfferedAt?: number;
  /** Reads begun before the change: entries up to this seq do not count it, later ones do. */
  reads: number;
}
/** The load changes of one event transaction, not yet committed. */
interface Pending {
  notes: LoadNote[];
}
/** What the directory needs of an event: its store, its time, and a hook for its commit. */
export type DirectoryEvent = Pick<CaseSession, 'tx' | 'now' | 'afterCommit'>;

/**
 * The agents of each group as routing ranks them, cached for two seconds (wall time) so that a
 * burst of new tasks does not read 200 profiles and their loads per task. The cache only ranks:
 * the router re-reads the chosen agent under a row lock and counts their load before it
 * assigns, so a stale entry can cost a second choice, never a wrong assignment. Changes made
 * by this process (presence, profiles, members) drop it at once; assignments update it once
 * their event committed.
 */
export class AgentDirectory {
  readonly #groups = new Map<string, Entry>();
  /** Load changes by event (a retried event has a new session, so starts with none). */
  readonly #pending = new WeakMap<DirectoryEvent, Pending>();
  #reads = 0;

  constructor(private readonly calendars: Readonly<Record<string, BusinessCalendar>>) {}

  /** The group's agents as candidates for `event`, with the load changes it made so far. */
  async candidates(event: DirectoryEvent, group: string): Promise<Candidate[]> {
    const { tx, now } = event;
    const pending = this.#pending.get(event);
    let entry = this.#groups.get(group);
    if (
      !entry ||
      performance.now() - entry.readAt > TTL_MS ||
      (entry.owner !== undefined && entry.owner !== pending)
    ) {
      entry = await this.#read(tx, group, pending);
      this.#groups.set(group, entry);
    }
    const seq = entry.seq;
    // The event's own changes made after the entry was read (later reads see them in tx).
    const mine = pending?.notes.filter((n) => n.reads >= seq) ?? [];
    return entry.members.map((m) => {
      let { load } = m;
      let { lastOfferedAt } = m.profile;
      for (const n of mine) {
        if (n.username !== m.profile.username) continue;
        load = { ...load, [n.work]: Math.max(0, load[n.work] + n.delta) };
        if (n.lastOfferedAt !== undefined) lastOfferedAt = n.lastOfferedAt;
      }
      return {
        username: m.profile.username,
        online: m.profile.presence === 'online',
        outOfOffice: m.away.some(([from, to]) => from <= now && now < to),
        onShift: m.profile.calendar === null || isWorkingTime(this.calendars[m.profile.calendar], now),
        skills: m.skills,
        capacity: m.capacity,
        load,
        lastOfferedAt,
      };
    });
  }

  /** Whether `profile` may take work at `now` apart from load: online, not away, on shift. */
  availableAt(profile: AgentProfileRow, now: number): boolean {
    if (profile.presence !== 'online') return false;
    if (profile.outOfOffice.some((p) => Date.parse(p.from) <= now && now < Date.parse(p.to))) return false;
    return profile.calendar === null || isWorkingTime(this.calendars[profile.calendar], now);
  }

  /**
   * Notes an assignment (or a release, `delta` -1) made by `event`: its own ranking counts it at
   * once, every cached group once its transaction committed. Applied earlier, an event run again
   * from a fresh read (or rolled back) would count it twice (or for nothing) until the TTL.
   */
  noteLoad(
    event: DirectoryEvent,
    username: string,
    work: keyof AgentCapacity,
    delta: number,
    lastOfferedAt?: number,
  ): void {
    let pending = this.#pending.get(event);
    if (!pending) {
      const created: Pending = { notes: [] };
      this.#pending.set(event, created);
      event.afterCommit(() => this.#commit(created));
      pending = created;
    }
    pending.notes.push({ username, work, delta, lastOfferedAt, reads: this.#reads });
  }

  /** Drops everything cached (a presence, profile or membership change in this process). */
  invalidate(): void {
    this.#groups.clear();
  }

  /** Applies a committed event's load changes to the entries read before each change. */
  #commit(pending: Pending): void {
    for (const entry of this.#groups.values()) {
      for (const n of pending.notes) {
        if (entry.seq > n.reads) continue;
        for (const m of entry.members) {
          if (m.profile.username !== n.username) continue;
          m.load = { ...m.load, [n.work]: Math.max(0, m.load[n.work] + n.delta) };
          if (n.lastOfferedAt !== undefined) m.profile = { ...m.profile, lastOfferedAt: n.lastOfferedAt };
        }
      }
      if (entry.owner === pending) entry.owner = undefined;
    }
  }

  async #read(tx: Store, group: string, pending: Pending | undefined): Promise<Entry> {
    const readAt = performance.now();
    const seq = ++this.#reads;
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
    return { readAt, seq, members, ...(pending?.notes.length ? { owner: pending } : {}) };
  }
}
