import { request } from 'node:http';
import type { RuntimeProcess } from '../../support/runtime-process';
import type { Answer } from './answer-checks';
import type { FuzzRequest } from './fuzz-request';

/**
 * Source addresses (X-Forwarded-For; the runtime runs with CASEFLOW_TRUST_PROXY=1): fuzzed
 * requests come from one, the client's own sign-ins from another.
 */
const FUZZ_ADDRESS = '203.0.113.7';
const CLIENT_ADDRESS = '198.51.100.1';

/** A request that got no answer: connection refused or reset, or no answer within the timeout. */
export interface NoAnswer {
  error: string;
}

const decoded = (url: string) => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};

/**
 * Sends fuzz requests to a runtime process with fresh demo-user tokens: a user whose session a
 * fuzzed route ended (logout, password change) signs in again; a process that died is noted
 * and restarted so that the remaining routes are still fuzzed.
 */
export class FuzzClient {
  private readonly tokens = new Map<string, string>();
  /** One line per time the process stopped answering. */
  readonly crashes: string[] = [];
  private previous = '(none)';

  constructor(
    private readonly rt: RuntimeProcess,
    private readonly timeoutMs = 20_000,
  ) {}

  /**
   * A token of `username` (demo password), signing in when there is none yet (again after a
   * fuzzed logout or password change). Sign-ins come from their own address: the fuzz's failed
   * logins slow down the fuzz's address (login throttling), not this one; a 429 is waited out.
   */
  async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    for (let attempt = 0; ; attempt++) {
      const res = await this.rt.api('POST', '/api/auth/login', {
        body: { username, password: 'demo1234' },
        headers: { 'x-forwarded-for': CLIENT_ADDRESS },
      });
      if (res.status === 200) {
        this.tokens.set(username, res.body.token);
        return res.body.token;
      }
      const wait = Number(res.body?.error?.details?.retryAfter ?? 0);
      if (res.status !== 429 || attempt >= 5 || wait > 30) {
        throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      await new Promise((r) => setTimeout(r, wait * 1000 + 50));
    }
  }

  /** Everything `req` carried, for telling an echo from a leak. */
  sentText(req: FuzzRequest, authorization?: string): string {
    return `${req.url}\n${decoded(req.url)}\n${authorization ?? ''}\n${req.bodyText() ?? ''}`;
  }

  /** Sends `req`; the answer, or NoAnswer when the process did not answer (after restarting it if it died). */
  async send(req: FuzzRequest): Promise<{ answer: Answer | NoAnswer; authorization?: string }> {
    const headers: Record<string, string> = { 'x-forwarded-for': FUZZ_ADDRESS };
    if (req.sender.kind === 'user') headers.authorization = `Bearer ${await this.token(req.sender.username)}`;
    if (req.sender.kind === 'header') headers.authorization = req.sender.value;
    if (req.contentType) headers['content-type'] = req.contentType;
    const authorization = headers.authorization;
    const previous = this.previous;
    this.previous = req.describe();
    const logFrom = this.rt.output().length;
    try {
      const answer = await this.exchange(req, headers);
      if (answer.status === 401 && req.sender.kind === 'user') await this.recheck(req.sender.username);
      return { answer, authorization };
    } catch (error) {
      const e = error as { code?: string; message?: string };
      const why = `${e.code ?? ''} ${e.message ?? String(error)}`.trim();
      if (!(await this.alive())) {
        const log = this.rt.output().slice(logFrom).slice(-2000);
        this.crashes.push(`the process stopped answering after ${req.describe()}: ${why}\n${log}`);
        await this.rt.restart();
        this.tokens.clear();
      }
      return { answer: { error: `${why} (the request before: ${previous})` }, authorization };
    }
  }

  /**
   * One request on a connection of its own (no pooling: a socket the server dropped cannot
   * fail the next request), with the path sent verbatim (fetch would resolve `..` segments).
   */
  private exchange(req: FuzzRequest, headers: Record<string, string>): Promise<Answer> {
    const body = req.bodyText();
    const { hostname, port } = new URL(this.rt.url);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          hostname,
          port,
          method: req.method,
          path: req.url,
          agent: false,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(Object.assign(new Error('no answer in time'), { code: 'TIMEOUT' })),
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  /** Drops the token of `username` when the runtime no longer accepts it. */
  private async recheck(username: string): Promise<void> {
    const token = this.tokens.get(username);
    if (!token) return;
    const me = await this.rt.api('GET', '/api/auth/me', { token });
    if (me.status === 401) this.tokens.delete(username);
  }

  /** True when GET /api/health answers within 5 s. */
  async alive(): Promise<boolean> {
    try {
      const res = await fetch(`${this.rt.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      return res.ok;
    } catch {
      return false;
    }
  }
}
