/*
 * Where a connection call may go (DESIGN §8): under the connection's base URL — same scheme,
 * the base host or an allowed host, inside the base path — and nowhere else, whatever the
 * flow's path (and the case variables rendered into it) says.
 */

/** The parts of a connection that decide where its calls may go. */
export interface ConnectionTarget {
  baseUrl: string;
  allowedHosts: readonly string[];
}

/** Why a base URL cannot be used, or null when it can. */
export function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL such as https://api.example.com/v1';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (url.username !== '' || url.password !== '') return 'must not contain credentials (use auth instead)';
  if (url.search !== '' || text.includes('?')) return 'must not have a query string';
  if (url.hash !== '' || text.includes('#')) return 'must not have a fragment';
  return null;
}

/** The base URL as stored: parsed and printed back, without a trailing slash (except the root). */
export function normaliseBaseUrl(text: string): string {
  const url = new URL(text);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** The final URL of a call, or why it may not be made. */
export type JoinedUrl = { ok: true; url: URL } | { ok: false; error: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Control characters, spaces and backslashes (which URL parsing turns into "/"). */
function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * Joins a rendered path (`/accounts/42/freeze?x=1`) to the connection's base URL and checks
 * the result: a relative path resolves under the base path; an absolute URL is accepted only
 * for the base host or an allowed host with the base's scheme. Refused: `..` or `.` segments
 * (also percent-encoded, even twice), `//host` paths, backslashes and control characters, user
 * info, another scheme, another host, a final path outside the base path. Pure.
 */
export function joinUnderBase(target: ConnectionTarget, path: string): JoinedUrl {
  const refuse = (why: string): JoinedUrl => ({ ok: false, error: `path refused: ${why}` });
  const base = new URL(target.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  if (path.length > 2000) return refuse('longer than 2000 characters');
  if (hasForbiddenCharacter(path)) return refuse('contains spaces, control characters or backslashes');
  const pathPart = path.replace(SCHEME, '').split(/[?#]/)[0] ?? '';
  if (hasDotSegment(pathPart)) return refuse('contains a ".." or "." segment');

  let url: URL;
  if (SCHEME.test(path)) {
    try {
      url = new URL(path);
    } catch {
      return refuse('not a valid URL');
    }
  } else if (path.startsWith('//')) {
    return refuse('starts with "//" (another host)');
  } else {
    url = new URL(`${base.protocol}//${base.host}${basePath}/${path.replace(/^\//, '')}`);
  }

  if (url.protocol !== base.protocol) return refuse(`changes the scheme to ${url.protocol}`);
  if (url.username !== '' || url.password !== '') return refuse('contains user info ("@")');
  const host = url.host.toLowerCase();
  if (host !== base.host.toLowerCase() && !target.allowedHosts.some((h) => h.toLowerCase() === host)) {
    return refuse(`host ${host} is not the connection's host or an allowed host`);
  }
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
    return refuse(`leaves the base path ${basePath || '/'}`);
  }
  url.hash = '';
  return { ok: true, url };
}

/** True when a path segment is `.` or `..`, literally or percent-encoded (up to three times). */
function hasDotSegment(path: string): boolean {
  let text = path;
  for (let round = 0; round < 4; round++) {
    if (text.split('/').some((segment) => segment === '.' || segment === '..')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return true;
    }
    if (decoded === text) return false;
    text = decoded.replace(/\\/g, '/');
  }
  return true;
}
