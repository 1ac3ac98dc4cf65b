import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs of the test's own, to make the disk under an SQLite file full or read-only
 * for real (root ignores file modes, so chmod proves nothing). Needs the right to mount
 * (root with CAP_SYS_ADMIN, as in CI); `mountSmallDisk` answers null where that is refused.
 */
export interface SmallDisk {
  readonly dir: string;
  /** Writes a filler file until the disk reports ENOSPC; answers the bytes written. */
  fill(): number;
  /** Removes the filler file. */
  unfill(): void;
  /** Remounts read-only (`true`) or read-write (`false`). */
  readOnly(on: boolean): void;
  /** Unmounts and removes the mount point. */
  destroy(): void;
}

/** Mounts a tmpfs of `megabytes` on a new temp directory, or answers null (with the reason). */
export function mountSmallDisk(megabytes: number): SmallDisk | { refused: string } {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-small-disk-'));
  const sh = (args: string[]) => execFileSync(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    sh(['mount', '-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0777`, 'tmpfs', dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { refused: (error as Error).message.split('\n')[0] ?? 'mount failed' };
  }
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      let written = 0;
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      // Fill the last partial chunk's worth of space too.
      const fd2 = openSync(filler, 'a');
      try {
        for (;;) written += writeSync(fd2, Buffer.alloc(512, 1));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd2);
      }
      return written;
    },
    unfill() {
      rmSync(filler, { force: true });
    },
    readOnly(on) {
      sh(['mount', '-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
    },
    destroy() {
      try {
        sh(['umount', '-l', dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
