/**
 * A refused body (over the size limit) is read and dropped before the 413 goes out, as
 * nginx's lingering close does: a server that answers and closes while the client is still
 * sending resets the connection, and the client gets EPIPE instead of the answer. Only bodies
 * that declare a length up to `maxBytes` are drained, for at most `timeoutMs`; a larger or
 * endless (chunked) one is not worth reading and its client may see the connection cut.
 */
export async function discardBody(req: Request, maxBytes: number, timeoutMs: number): Promise<void> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (!req.body || req.bodyUsed || req.body.locked || !(declared <= maxBytes)) return;
  const reader = req.body.getReader();
  const timer = setTimeout(() => {
    reader.cancel().catch(() => {});
  }, timeoutMs);
  try {
    for (;;) {
      const { done } = await reader.read();
      if (done) return;
    }
  } catch {
    // The client went away or the timeout cancelled the read: the 413 is all that is left.
  } finally {
    clearTimeout(timer);
  }
}
