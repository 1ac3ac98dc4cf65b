import type { Server } from 'node:net';

/**
 * Node HTTP server options that bound how long a client may take to send a request: its
 * headers within 20 s (or the whole limit when shorter), the whole request, body included,
 * within `requestTimeoutMs` (then 408 and the connection closes). Only sending counts: a long
 * answer, such as a live event stream, is not cut. Node checks every so often, at most 2 s apart.
 */
export function requestTimeouts(requestTimeoutMs: number): {
  requestTimeout: number;
  headersTimeout: number;
  connectionsCheckingInterval: number;
} {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(20_000, requestTimeoutMs),
    connectionsCheckingInterval: Math.max(50, Math.min(2_000, Math.floor(requestTimeoutMs / 4))),
  };
}

/**
 * Closes at once any connection past `max` open ones from one address (0: no cap), so one
 * client holding sockets open cannot use up the process's. Behind a proxy every client shares
 * the proxy's address: the cap is then the proxy's to keep. `onRefused` hears of the 1st, 10th,
 * 100th… refusal per address, so a flood does not flood the log too.
 */
export function capConnectionsPerAddress(
  server: Server,
  max: number,
  onRefused?: (address: string, refusals: number) => void,
): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  const refused = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      const refusals = (refused.get(address) ?? 0) + 1;
      refused.set(address, refusals);
      if (Number.isInteger(Math.log10(refusals))) onRefused?.(address, refusals);
      socket.destroy();
      return;
    }
    open.set(address, count);
    refused.delete(address);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
