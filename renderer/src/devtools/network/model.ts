/**
 * The Network tab's state and reading: the request / uploadFile / downloadFile / connectSocket calls of the
 * log, their full events (the `event` operation) once fetched, and what an exchange shows of a full event
 * (URL, method, status, headers, bodies).
 */
import type { CallEvent, DevtoolsEvent, HostEvent } from '../protocol.js';

export const NETWORK_APIS: readonly string[] = ['request', 'uploadFile', 'downloadFile', 'connectSocket'];
/**
 * Rules that say where a network call's answer came from (shown first, highlighted): the session's network
 * policy and a URL mock (MOCKED_RULE_ID of common/apis/network.ts, which imports zod, so not imported here).
 */
export const NETWORK_RULES: readonly string[] = ['network-policy', 'answered-by-mock'];

export const isNetworkCall = (event: DevtoolsEvent): event is CallEvent => event.type === 'call' && NETWORK_APIS.includes(event.record.api);

export function networkCalls(events: readonly DevtoolsEvent[]): CallEvent[] {
  return events.filter(isNetworkCall);
}

export type Detail = HostEvent | { readonly error: string };

export interface NetSlice {
  /** The open call (event seq). */
  readonly selected?: number;
  /** Full events by seq, fetched as rows come into view (at most DETAILS_KEPT). */
  readonly details: Readonly<Record<number, Detail>>;
}

export const initialNet: NetSlice = { details: {} };
export const DETAILS_KEPT = 500;

export function reduceNetSelect(net: NetSlice, seq: number | undefined): NetSlice {
  const { selected: _s, ...rest } = net;
  return seq === undefined ? rest : { ...rest, selected: seq };
}

export function reduceNetDetail(net: NetSlice, seq: number, detail: Detail): NetSlice {
  const details: Record<number, Detail> = { ...net.details, [seq]: detail };
  const seqs = Object.keys(details).map(Number);
  if (seqs.length > DETAILS_KEPT) {
    seqs.sort((a, b) => a - b);
    for (const old of seqs.slice(0, seqs.length - DETAILS_KEPT)) if (old !== net.selected) delete details[old];
  }
  return { ...net, details };
}

/** What the tab shows of one exchange. */
export interface Exchange {
  readonly url?: string;
  readonly method: string;
  readonly statusCode?: number;
  readonly requestHeaders?: unknown;
  readonly responseHeaders?: unknown;
  /** request data, uploadFile's formData and file. */
  readonly requestBody?: unknown;
  /** request / uploadFile data, downloadFile's file path, connectSocket's task id. */
  readonly responseBody?: unknown;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

export function exchangeOf(event: HostEvent): Exchange | undefined {
  if (event.type !== 'call') return undefined;
  const params = record(event.record.params);
  const result = record(event.record.result);
  const url = typeof params.url === 'string' ? params.url : undefined;
  const statusCode = typeof result.statusCode === 'number' ? result.statusCode : undefined;
  const base = { ...(url === undefined ? {} : { url }), ...(statusCode === undefined ? {} : { statusCode }), ...(params.header === undefined ? {} : { requestHeaders: params.header }) };
  switch (event.record.api) {
    case 'request':
      return {
        ...base,
        method: typeof params.method === 'string' ? params.method.toUpperCase() : 'GET',
        ...(result.header === undefined ? {} : { responseHeaders: result.header }),
        ...(params.data === undefined ? {} : { requestBody: params.data }),
        ...(result.data === undefined ? {} : { responseBody: result.data }),
      };
    case 'uploadFile':
      return {
        ...base,
        method: 'POST',
        requestBody: { [String(params.name ?? 'file')]: params.filePath, ...(params.formData ? { formData: params.formData } : {}) },
        ...(result.data === undefined ? {} : { responseBody: result.data }),
      };
    case 'downloadFile':
      return { ...base, method: 'GET', ...(result.tempFilePath === undefined ? {} : { responseBody: { tempFilePath: result.tempFilePath, ...(result.filePath ? { filePath: result.filePath } : {}) } }) };
    case 'connectSocket':
      return { ...base, method: 'WS', ...(result.socketTaskId === undefined ? {} : { responseBody: { socketTaskId: result.socketTaskId } }) };
    default:
      return { ...base, method: '' };
  }
}

/** The first `max` characters of a long text, and whether it was cut. */
export function truncate(text: string, max: number): { readonly text: string; readonly truncated: boolean } {
  return text.length <= max ? { text, truncated: false } : { text: text.slice(0, max), truncated: true };
}

/** "200", "errno 303", "ok" (a call without a status code: connectSocket), "fail". */
export function statusText(call: CallEvent, detail: Detail | undefined): string {
  const code = detail && !('error' in detail) ? exchangeOf(detail)?.statusCode : undefined;
  if (call.record.ok) return code === undefined ? 'ok' : String(code);
  return call.record.errno === undefined ? 'fail' : `errno ${call.record.errno}`;
}
