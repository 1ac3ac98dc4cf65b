import { Mutex } from './mutex';

/**
 * One FIFO mutex per key, dropped when its last caller is done (so the map holds only keys in
 * use): `run(key, fn)` runs `fn` after every earlier `run` with the same key has settled.
 */
export class KeyedMutex {
  private readonly held = new Map<string, { mutex: Mutex; users: number }>();

  /** Runs `fn` exclusively for `key`; a rejection goes to the caller and frees the key. */
  async run<T>(key: string, fn: () => T | Promise<T>): Promise<T> {
    let slot = this.held.get(key);
    if (!slot) {
      slot = { mutex: new Mutex(), users: 0 };
      this.held.set(key, slot);
    }
    slot.users += 1;
    try {
      return await slot.mutex.run(fn);
    } finally {
      slot.users -= 1;
      if (slot.users === 0) this.held.delete(key);
    }
  }

  /** Keys with a caller running or waiting. */
  get size(): number {
    return this.held.size;
  }
}
