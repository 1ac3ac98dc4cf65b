import { isIP } from 'node:net';

/**
 * The address a request came from, as login throttling and sessions key it.
 *
 * By default the TCP peer (the socket): a header is anyone's to write. Only when the operator
 * says that `trustProxy` proxies stand in front (CASEFLOW_TRUST_PROXY) is X-Forwarded-For read,
 * and then the entry those proxies appended (the n-th from the right), never the leftmost one
 * a client can forge. Unknown when neither names a valid address (in-process requests).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: number,
): string {
  let address = socketAddress;
  if (trustProxy > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const chosen = hops[Math.max(0, hops.length - trustProxy)];
    if (chosen && isIP(stripPort(chosen))) address = stripPort(chosen);
  }
  return address && isIP(address) ? sourceKey(address) : 'unknown';
}

/**
 * One key per client: IPv4 as it is (IPv4-mapped IPv6 unwrapped), IPv6 as its /64 prefix,
 * since one host commonly holds a whole /64 and could otherwise take a fresh address per try.
 */
export function sourceKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** `1.2.3.4:5678` → `1.2.3.4`; `[::1]:80` → `::1`; anything else unchanged. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed?.[1]) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4?.[1] ?? hop;
}
