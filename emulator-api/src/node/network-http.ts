/**
 * One HTTP exchange for tt.request / uploadFile / downloadFile: the session's policy and URL mocks, then
 * Node's fetch with redirects followed by hand (each hop is checked against the policy), all inside one
 * deadline. Failures become TtErrors with the network errnos, with messages that name the host.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Errno, TtError } from '../common/errors.js';
import type { MockedRequest, MockResponse, NetworkControl, RequestMock } from './network-policy.js';
import { effectivePort } from './network-policy.js';
import { TaskAborted } from './tasks.js';

export interface HttpExchange {
  readonly api: MockedRequest['api'];
  readonly url: URL;
  readonly method: string;
  /** Header names in lower case. */
  readonly header: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
  readonly timeoutMs: number;
}

export interface HttpAnswer {
  readonly statusCode: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly header: Readonly<Record<string, string>>;
  /** Bytes announced by content-length, when it was given. */
  readonly expectedBytes: number | undefined;
  /** A URL mock answered (on the last hop). */
  readonly mocked: boolean;
  /** The final URL, after redirects. */
  readonly url: URL;
  /** At least one redirect was followed to get here. */
  readonly redirected: boolean;
}

export interface ExchangeHooks {
  /** Status and headers are in; may return a Promise (e.g. to open the output file). */
  onHeaders?(answer: HttpAnswer): void | Promise<void>;
  /** A piece of the body; awaited, so a slow writer slows the reading. */
  onChunk(chunk: Uint8Array): void | Promise<void>;
}

const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

class DeadlinePassed extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

/** http(s) URLs only, absolute; anything else is a parameter error. */
export function parseHttpUrl(text: string, schemes: readonly string[] = ['http:', 'https:']): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TtError(Errno.invalidParameter, `invalid url ${JSON.stringify(text)}: expected an absolute URL such as https://example.com/path`);
  }
  if (!schemes.includes(url.protocol)) {
    throw new TtError(Errno.invalidParameter, `invalid url ${JSON.stringify(text)}: expected ${schemes.map((s) => `${s}//`).join(' or ')}`);
  }
  return url;
}

/** RFC 6761: names under .invalid never resolve, so ttsim fails them without asking a resolver (no hang). */
export function neverResolves(hostname: string): boolean {
  return /(^|\.)invalid\.?$/i.test(hostname);
}

/** Rule ids of request / uploadFile / downloadFile that failures here are recorded under. */
const ERRNOS_RULE = 'network-errnos';
const REDIRECTS_RULE = 'redirects-followed';

export function unresolvable(url: URL): TtError {
  return new TtError(Errno.networkFailure, `could not resolve host ${url.hostname} (DNS lookup failed)`, { rule: ERRNOS_RULE });
}

/** Maps whatever ended an exchange to the network errno and a message that names the host. */
export function networkFailure(error: unknown, reason: unknown, url: URL, what: string): TtError {
  if (reason instanceof DeadlinePassed) return new TtError(Errno.networkTimeout, `timeout: no complete answer from ${url.host} within ${reason.ms} ms (${what})`, { rule: 'timeout' });
  if (reason instanceof TaskAborted) return new TtError(Errno.networkCancelled, reason.why === 'abort' ? 'abort' : `abort: ${reason.message}`, { rule: ERRNOS_RULE });
  if (error instanceof TtError) return error;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = String(cause?.code ?? (error as { code?: unknown } | undefined)?.code ?? '');
  const message = String(cause?.message ?? (error instanceof Error ? error.message : error));
  const failure = (detail: string) => new TtError(Errno.networkFailure, detail, { rule: ERRNOS_RULE });
  if (code === 'ECONNREFUSED') return failure(`connection refused by ${url.hostname}:${effectivePort(url)}`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return unresolvable(url);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return failure(`the connection to ${url.host} was reset`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return failure(`${url.host} is unreachable`);
  if (message === 'bad port') return failure(`port ${effectivePort(url)} is on fetch's list of blocked ("bad") ports; serve on another port`);
  return failure(`network failure talking to ${url.host}: ${message}${code ? ` (${code})` : ''}`);
}

function bytesOf(data: unknown): { bytes: Uint8Array; json: boolean } {
  if (data === undefined || data === null) return { bytes: new Uint8Array(0), json: false };
  if (typeof data === 'string') return { bytes: Buffer.from(data, 'utf8'), json: false };
  if (data instanceof ArrayBuffer) return { bytes: new Uint8Array(data), json: false };
  if (ArrayBuffer.isView(data)) return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), json: false };
  return { bytes: Buffer.from(JSON.stringify(data), 'utf8'), json: true };
}

function lowerCaseKeys(header: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(header ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}

/** Races a Promise against the deadline / abort signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

interface HopAnswer {
  statusCode: number;
  header: Record<string, string>;
  body: AsyncIterable<Uint8Array> | Uint8Array;
  cancel(): Promise<void>;
  mocked: boolean;
}

async function answerFromMock(mock: RequestMock, request: MockedRequest, signal: AbortSignal): Promise<HopAnswer> {
  let response: MockResponse;
  try {
    response = typeof mock === 'function' ? await untilAborted(Promise.resolve().then(() => mock(request)), signal) : mock;
  } catch (error) {
    if (signal.aborted) throw error;
    throw new TtError(Errno.internal, `the test's mock for ${request.url} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  const statusCode = response?.statusCode ?? 200;
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new TtError(Errno.internal, `the test's mock for ${request.url} gave statusCode ${JSON.stringify(statusCode)}; use an integer 100..599`);
  }
  const { bytes, json } = bytesOf(response?.data);
  const header = lowerCaseKeys(response?.header);
  if (json && header['content-type'] === undefined) header['content-type'] = 'application/json; charset=utf-8';
  if (header['content-length'] === undefined) header['content-length'] = String(bytes.byteLength);
  return { statusCode, header, body: bytes, cancel: async () => undefined, mocked: true };
}

async function answerFromNetwork(url: URL, method: string, header: Readonly<Record<string, string>>, body: Uint8Array | undefined, signal: AbortSignal): Promise<HopAnswer> {
  if (neverResolves(url.hostname)) throw unresolvable(url);
  const response = await fetch(url, { method, headers: header, ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}), redirect: 'manual', signal });
  const responseHeader: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeader[name] = responseHeader[name] === undefined ? value : `${responseHeader[name]}, ${value}`;
  });
  const stream = response.body;
  return {
    statusCode: response.status,
    header: responseHeader,
    body: stream ? (stream as unknown as AsyncIterable<Uint8Array>) : new Uint8Array(0),
    cancel: async () => {
      await stream?.cancel().catch(() => undefined);
    },
    mocked: false,
  };
}

/**
 * Runs the exchange: mock or network per hop, redirects, the body handed to `hooks`, all within
 * `timeoutMs` and stopped by `taskSignal` (abort). Throws TtError with a network errno on failure.
 */
export async function exchange(request: HttpExchange, network: NetworkControl, taskSignal: AbortSignal, hooks: ExchangeHooks): Promise<HttpAnswer> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlinePassed(request.timeoutMs)), request.timeoutMs);
  const onTaskAbort = () => deadline.abort(taskSignal.reason);
  if (taskSignal.aborted) onTaskAbort();
  else taskSignal.addEventListener('abort', onTaskAbort, { once: true });
  let url = request.url;
  let method = request.method;
  let body = request.body;
  try {
    for (let hop = 0; ; hop++) {
      if (deadline.signal.aborted) throw deadline.signal.reason as Error;
      const mock = network.findMock(url.href);
      if (mock) network.requireOnline(url);
      else network.requireAllowed(url);
      // A slow network: each exchange waits first (abortable, and counted in the call's timeout).
      if (network.latencyMs > 0) await sleep(network.latencyMs, undefined, { signal: deadline.signal }).catch(() => {
        throw deadline.signal.reason as Error;
      });
      const sent = body ?? new Uint8Array(0);
      const hopAnswer = mock
        ? await answerFromMock(mock, { api: request.api, url: url.href, method, header: { ...request.header }, body: sent, text: () => Buffer.from(sent).toString('utf8') }, deadline.signal)
        : await answerFromNetwork(url, method, request.header, body, deadline.signal);
      const location = hopAnswer.header.location;
      if (REDIRECT_STATUSES.has(hopAnswer.statusCode) && location) {
        await hopAnswer.cancel();
        if (hop >= MAX_REDIRECTS) throw new TtError(Errno.networkFailure, `too many redirects (over ${MAX_REDIRECTS}) starting at ${request.url.href}`, { rule: REDIRECTS_RULE });
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new TtError(Errno.networkFailure, `${url.host} redirected to ${next.protocol} URL ${next.href}, which is not http(s)`, { rule: REDIRECTS_RULE });
        }
        // As fetch does: 303, and 301/302 after a POST, continue as GET without a body.
        if (hopAnswer.statusCode === 303 || ((hopAnswer.statusCode === 301 || hopAnswer.statusCode === 302) && method === 'POST')) {
          if (method !== 'HEAD') method = 'GET';
          body = undefined;
        }
        url = next;
        continue;
      }
      const length = Number(hopAnswer.header['content-length']);
      const answer: HttpAnswer = {
        statusCode: hopAnswer.statusCode,
        header: hopAnswer.header,
        expectedBytes: Number.isFinite(length) && length >= 0 && hopAnswer.header['content-encoding'] === undefined ? length : undefined,
        mocked: hopAnswer.mocked,
        url,
        redirected: hop > 0,
      };
      await untilAborted(Promise.resolve(hooks.onHeaders?.(answer)), deadline.signal);
      if (hopAnswer.body instanceof Uint8Array) {
        if (hopAnswer.body.byteLength > 0 && method !== 'HEAD') await untilAborted(Promise.resolve(hooks.onChunk(hopAnswer.body)), deadline.signal);
      } else {
        for await (const chunk of hopAnswer.body) await untilAborted(Promise.resolve(hooks.onChunk(chunk)), deadline.signal);
      }
      return answer;
    }
  } catch (error) {
    throw networkFailure(error, deadline.signal.aborted ? deadline.signal.reason : undefined, url, `${request.api} ${method} ${url.href}`);
  } finally {
    clearTimeout(timer);
    taskSignal.removeEventListener('abort', onTaskAbort);
  }
}
