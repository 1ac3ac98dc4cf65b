import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The ports the OS hands to outgoing connections. A port asked from the OS comes from this
 * range too, so between releasing it and the runtime's listen() any client socket of the busy
 * test run may take it as its local port (CI once saw a runtime exit with EADDRINUSE that way).
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low !== undefined && high !== undefined && Number.isInteger(low) && Number.isInteger(high))
      return [low, high];
  } catch {
    // Not Linux: the IANA range.
  }
  return [49152, 65535];
}

const FLOOR = 10_000;

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A free TCP port on 127.0.0.1 below the ephemeral range, where no outgoing connection can
 * take it; picked at random so parallel test workers seldom try the same one. Falls back to a
 * port asked from the OS when the range leaves no room below it.
 */
export async function freePort(): Promise<number> {
  const [low] = ephemeralRange();
  if (low - FLOOR >= 1000) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = await listenOn(FLOOR + Math.floor(Math.random() * (low - FLOOR)));
      if (port !== null) return port;
    }
  }
  const port = await listenOn(0);
  if (port === null) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}
