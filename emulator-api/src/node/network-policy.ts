/**
 * A session's network rules: the policy (online, offline, or an allow-list of hosts) and the URL mocks a
 * test sets. Both can change while the session runs; every tt.request / uploadFile / downloadFile /
 * connectSocket asks here first.
 */
import { Errno, TtError } from '../common/errors.js';

/**
 * 'online' (default), 'slow' (online, each HTTP exchange SLOW_LATENCY_MS later, as a poor mobile network),
 * 'offline' (every call fails with 303), or only the listed hosts.
 */
export type NetworkPolicy = 'online' | 'slow' | 'offline' | { readonly allow: readonly string[] };

/** What 'slow' adds before each HTTP exchange (request, uploadFile, downloadFile, every redirect hop): about Chrome's "Slow 3G" round trip. */
export const SLOW_LATENCY_MS = 400;

/** A URL pattern: a string where `*` matches any run of characters, or a RegExp tested against the URL. */
export type UrlPattern = string | RegExp;

/** What a mock handler sees of the request. */
export interface MockedRequest {
  readonly api: 'request' | 'uploadFile' | 'downloadFile';
  readonly url: string;
  readonly method: string;
  /** Header names in lower case. */
  readonly header: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** The body as UTF-8 text. */
  text(): string;
}

export interface MockResponse {
  /** Default 200. */
  readonly statusCode?: number;
  readonly header?: Readonly<Record<string, string>>;
  /** A string, bytes, or any other value (sent as JSON with content-type application/json). */
  readonly data?: unknown;
}

export type RequestMock = MockResponse | ((request: MockedRequest) => MockResponse | Promise<MockResponse>);

interface AllowEntry {
  readonly text: string;
  /** Lower-case host name, without a leading "*." for wildcards. */
  readonly host: string;
  readonly wildcard: boolean;
  readonly port: number | undefined;
}

const ENTRY = /^(\*\.)?(\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)(?::(\d{1,5}))?$/i;

function parseEntry(text: unknown): AllowEntry {
  const match = typeof text === 'string' ? ENTRY.exec(text.trim()) : null;
  if (!match || (match[3] !== undefined && Number(match[3]) > 65535)) {
    throw new Error(`network policy: ${JSON.stringify(text)} is not a host pattern; use "host", "host:port", "*.example.com" or "[::1]:port"`);
  }
  return { text: String(text), host: match[2]!.toLowerCase(), wildcard: match[1] !== undefined, port: match[3] === undefined ? undefined : Number(match[3]) };
}

/** Checks a policy given by a caller (options, the automation SDK) and says what is wrong with it. */
export function parseNetworkPolicy(policy: unknown): NetworkPolicy {
  if (policy === 'online' || policy === 'offline' || policy === 'slow') return policy;
  if (policy !== null && typeof policy === 'object' && Array.isArray((policy as { allow?: unknown }).allow)) {
    const allow = (policy as { allow: unknown[] }).allow;
    allow.forEach(parseEntry);
    return { allow: allow.map(String) };
  }
  throw new Error(`network policy: expected 'online', 'slow', 'offline' or { allow: ['host', '*.example.com', '127.0.0.1:8080'] } but received ${JSON.stringify(policy)}`);
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? 0);
}

function entryAllows(entry: AllowEntry, host: string, port: number): boolean {
  if (entry.port !== undefined && entry.port !== port) return false;
  return entry.wildcard ? host.endsWith(`.${entry.host}`) : host === entry.host;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function patternKey(pattern: UrlPattern): string {
  return typeof pattern === 'string' ? `s:${pattern}` : `r:${pattern.source}/${pattern.flags}`;
}

export class NetworkControl {
  private current: NetworkPolicy = 'online';
  private allowEntries: readonly AllowEntry[] = [];
  /** Newest last; the newest matching mock answers. */
  private readonly mocks = new Map<string, { readonly test: (url: string) => boolean; readonly answer: RequestMock }>();

  constructor(policy: NetworkPolicy = 'online') {
    this.setPolicy(policy);
  }

  get policy(): NetworkPolicy {
    return this.current;
  }

  /** The delay the policy adds before each HTTP exchange (0 unless 'slow'). */
  get latencyMs(): number {
    return this.current === 'slow' ? SLOW_LATENCY_MS : 0;
  }

  /** Takes effect for calls that start afterwards. Throws an Error naming the bad entry. */
  setPolicy(policy: NetworkPolicy): void {
    const parsed = parseNetworkPolicy(policy);
    this.allowEntries = typeof parsed === 'object' ? parsed.allow.map(parseEntry) : [];
    this.current = parsed;
  }

  /**
   * Answers URLs matching `pattern` without the network. A string pattern is a glob over the whole URL; one
   * without "?" also matches the URL with its query string removed. Setting the same pattern again replaces it.
   */
  mock(pattern: UrlPattern, answer: RequestMock): void {
    if (typeof pattern !== 'string' && !(pattern instanceof RegExp)) throw new Error('mockRequest: the pattern must be a string (with * globs) or a RegExp');
    if (answer === null || (typeof answer !== 'object' && typeof answer !== 'function')) throw new Error('mockRequest: the answer must be { statusCode, header, data } or a function returning it');
    let test: (url: string) => boolean;
    if (typeof pattern === 'string') {
      const regexp = globToRegExp(pattern);
      const withoutQuery = !pattern.includes('?');
      test = (url) => regexp.test(url) || (withoutQuery && regexp.test(url.split(/[?#]/)[0]!));
    } else {
      test = (url) => {
        pattern.lastIndex = 0;
        return pattern.test(url);
      };
    }
    const key = patternKey(pattern);
    this.mocks.delete(key);
    this.mocks.set(key, { test, answer });
  }

  /** Removes the mock set with this pattern (the same string, or a RegExp with the same source and flags). */
  unmock(pattern: UrlPattern): boolean {
    return this.mocks.delete(patternKey(pattern));
  }

  unmockAll(): void {
    this.mocks.clear();
  }

  findMock(url: string): RequestMock | undefined {
    const entries = [...this.mocks.values()];
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.test(url)) return entries[i]!.answer;
    return undefined;
  }

  /** Throws the fail the policy gives for this URL: 303 when offline. */
  requireOnline(url: URL): void {
    if (this.current === 'offline') {
      throw new TtError(Errno.noNetwork, `no network connection: ttsim's network policy is offline (${url.host})`, { rule: 'network-policy' });
    }
  }

  /** Throws 305 when an allow-list leaves this host out. */
  requireAllowed(url: URL): void {
    this.requireOnline(url);
    if (typeof this.current !== 'object') return;
    const host = url.hostname.toLowerCase();
    const port = effectivePort(url);
    if (this.allowEntries.some((entry) => entryAllows(entry, host, port))) return;
    const list = this.allowEntries.map((e) => e.text).join(', ') || 'nothing';
    throw new TtError(Errno.networkFailure, `${url.host} is blocked by ttsim's network policy (allowed: ${list}); add it with setNetwork({ allow: [...] }) or mock the URL`, { rule: 'network-policy' });
  }
}

/** app.json `networkTimeout`, in ms per API. */
export interface NetworkTimeouts {
  readonly request: number;
  readonly uploadFile: number;
  readonly downloadFile: number;
  readonly connectSocket: number;
}

/** The family's default when app.json says nothing. */
export const DEFAULT_NETWORK_TIMEOUT_MS = 60_000;

export const networkTimeoutKeys = ['request', 'uploadFile', 'downloadFile', 'connectSocket'] as const;

/** Fills in the defaults; throws an Error naming a value that is not a positive number of ms. */
export function resolveNetworkTimeouts(given: Readonly<Partial<Record<keyof NetworkTimeouts, unknown>>> = {}): NetworkTimeouts {
  const out: Record<string, number> = {};
  for (const key of networkTimeoutKeys) {
    const value = given[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      throw new Error(`networkTimeout.${key} must be a positive number of milliseconds, not ${JSON.stringify(value)}`);
    }
    out[key] = value ?? DEFAULT_NETWORK_TIMEOUT_MS;
  }
  return out as unknown as NetworkTimeouts;
}
