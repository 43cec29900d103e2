/**
 * Network APIs: tt.request, uploadFile, downloadFile and connectSocket. The host does the HTTP and
 * WebSocket work for real (Node's fetch, the ws package), under the session's network policy and URL mocks.
 */
import { z } from 'zod';
import { defineApi, type BehaviourRule, type FailureRule } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred, type SupportMatrix } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';

/** "该接口仅支持小程序调用": gadgets on every client (Harmony from 7.35.0), never web apps. */
const gadgetOnly = (harmony: string): SupportMatrix => ({
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony },
  webapp: { android: null, ios: null, pc: null, harmony: null },
});

/** Rule id of a call that a test's URL mock answered (the host marks its event `mocked`). */
export const MOCKED_RULE_ID = 'answered-by-mock';

/** True for the call record of a network call that a URL mock answered instead of the network. */
export function isMockedNetworkRecord(record: { readonly rules: readonly { readonly id: string }[] }): boolean {
  return record.rules.some((rule) => rule.id === MOCKED_RULE_ID);
}

const headerSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const timeoutSchema = z.number().positive();
const errnoSource = `${docs.errno}: 301 cancelled, 302 timed out, 303 no network, 305 network failure, 306 unable to download`;

/** Rules every HTTP API (request, uploadFile, downloadFile) shares. */
const httpRules: BehaviourRule[] = [
  { id: 'timeout', platforms: 'all', text: 'Each call is bounded by `timeout` (ms) or else by app.json networkTimeout.<api>, default 60000; past it the call fails with errno 302 and the connection is dropped.', provenance: inferred(`${docs.wechatFamily}: networkTimeout in app.json, default 60 s; the per-call timeout as on Douyin`) },
  { id: 'network-errnos', platforms: 'all', text: 'Failures carry the network errnos: 301 aborted, 302 timed out, 303 no network (offline), 305 connection refused, host not resolvable, connection reset or blocked by ttsim\'s network policy.', provenance: assumed(`errno meanings from ${errnoSource}; which case gets which errno is ttsim's choice`) },
  { id: 'http-status-succeeds', platforms: 'all', text: 'Any HTTP answer, 4xx and 5xx included, is a success carrying its statusCode; only a failed exchange calls fail.', provenance: inferred(docs.wechatFamily) },
  { id: 'referer-dropped', platforms: 'all', text: 'A referer header is not sent (the client sets its own).', provenance: documented(`${docs.request}: "header 不支持设置 referer"; dropping it is ttsim's reading`) },
  { id: 'redirects-followed', platforms: 'all', text: 'Redirects are followed (at most 10); every hop is checked against the network policy.', provenance: assumed('what a native HTTP stack does; checking each hop keeps the allow-list honest') },
  { id: 'concurrency-not-limited', platforms: 'all', text: 'Feishu documents at most 10 concurrent requests and 5 downloads; ttsim neither queues nor limits them.', provenance: assumed(`the limits are documented in ${docs.request} and ${docs.downloadFile}; what happens past them is not`) },
  { id: 'task-object', platforms: 'all', text: 'Returns its task (abort, onHeadersReceived, …). Without success / fail / complete it returns the Promise with the task\'s methods on it.', provenance: assumed(`Feishu documents the task return; the Promise form follows Taro's "Promise & Task"`) },
  { id: 'network-policy', platforms: 'all', text: 'ttsim\'s per-session network policy: online (default), slow (each exchange 400 ms later, as a poor mobile network), offline (every call fails with 303) or an allow-list of hosts; a host not on the list fails with 305 "blocked by ttsim\'s network policy".', provenance: assumed('ttsim feature, not client behaviour') },
  { id: MOCKED_RULE_ID, platforms: 'all', text: 'A URL mock set by the test answered this call; it never reached the network. Mocked URLs are answered whatever the allow-list says, but not when the policy is offline.', provenance: assumed('ttsim feature, not client behaviour') },
];

const httpFailures: FailureRule[] = [
  { errno: Errno.invalidParameter, when: 'url missing, not absolute or not http(s); a parameter of the wrong type; an unknown parameter when the session is strict', provenance: assumed(docs.errno) },
  { errno: Errno.notSupported, when: 'a web app, or a client below the support matrix', provenance: documented(docs.errno) },
  { errno: Errno.networkCancelled, when: 'the task was aborted', provenance: documented(errnoSource) },
  { errno: Errno.networkTimeout, when: 'no complete answer within the timeout', provenance: documented(errnoSource) },
  { errno: Errno.noNetwork, when: 'the session\'s network policy is offline', provenance: documented(errnoSource) },
  { errno: Errno.networkFailure, when: 'connection refused, host not resolvable, connection reset, or blocked by the network policy', provenance: assumed(errnoSource) },
];

export const request = defineApi({
  task: 'RequestTask',
  name: 'request',
  style: 'async',
  summary: 'Sends an HTTP request from the host and returns the answer (a RequestTask while it runs).',
  doc: docs.request,
  params: z.strictObject({
    url: z.string().min(1),
    data: z.union([z.string(), z.instanceof(ArrayBuffer), z.array(z.unknown()), z.record(z.string(), z.unknown())]).nullish(),
    header: headerSchema.optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'HEAD', 'DELETE']).optional(),
    dataType: z.string().optional(),
    responseType: z.enum(['text', 'arraybuffer']).optional(),
    timeout: timeoutSchema.optional(),
  }),
  result: z.strictObject({ data: z.unknown(), statusCode: z.number(), header: z.record(z.string(), z.string()) }),
  support: { matrix: gadgetOnly('7.35.0'), provenance: documented(docs.request) },
  behaviours: [
    { id: 'method-default-get', platforms: 'all', text: 'method is one of GET, POST, PUT, HEAD, DELETE and defaults to GET; others fail with 104.', provenance: documented(docs.request) },
    { id: 'content-type-default-json', platforms: 'all', text: 'Without a content-type header the request is sent with content-type: application/json.', provenance: documented(`${docs.request}: header defaults to {'content-type': 'application/json'}`) },
    { id: 'get-data-to-query', platforms: 'all', text: 'GET (and HEAD) data goes into the query string: an object as key=value pairs (URI-encoded, objects as JSON), a string as it is.', provenance: documented(`${docs.request}; HEAD and string data are ttsim's reading`) },
    { id: 'object-data-to-json', platforms: 'all', text: 'Other methods send an object or array as JSON, unless content-type is application/x-www-form-urlencoded (then as key=value pairs); strings and ArrayBuffers are sent as they are.', provenance: documented(`${docs.request}: POST with JSON or no content-type serialises to JSON; the urlencoded case is cut off in ttsim's copy and read from the WeChat family`) },
    { id: 'json-parsed', platforms: 'all', text: 'With dataType json (the default) a body that parses as JSON comes back parsed; anything else, or another dataType, comes back as a string.', provenance: inferred(docs.wechatFamily) },
    { id: 'arraybuffer-response', platforms: 'all', text: 'responseType arraybuffer returns the body as an ArrayBuffer, unparsed.', provenance: inferred(docs.wechatFamily) },
    { id: 'header-lowercase', platforms: 'all', text: 'Response header names come back in lower case; repeated headers are joined with ", ".', provenance: assumed('what Node\'s fetch gives; native clients may keep the server\'s case') },
    ...httpRules,
  ],
  failures: httpFailures,
});

export const uploadFile = defineApi({
  task: 'UploadTask',
  name: 'uploadFile',
  style: 'async',
  summary: 'Uploads a local file (ttfile:// or package path) as multipart/form-data from the host (an UploadTask while it runs).',
  doc: docs.uploadFile,
  params: z.strictObject({
    url: z.string().min(1),
    filePath: z.string().min(1),
    name: z.string().min(1),
    header: headerSchema.optional(),
    formData: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    timeout: timeoutSchema.optional(),
  }),
  result: z.strictObject({ data: z.string(), statusCode: z.number() }),
  support: { matrix: gadgetOnly('7.35.0'), provenance: assumed(`${docs.uploadFile}: rows taken from downloadFile's page`) },
  behaviours: [
    { id: 'multipart-post', platforms: 'all', text: 'POSTs multipart/form-data: the formData fields first, then the file under `name` with its file name and a content type from its extension; a content-type header given by the gadget is replaced.', provenance: inferred(docs.wechatFamily) },
    { id: 'data-is-string', platforms: 'all', text: 'success gives the body as a string (never parsed) and statusCode.', provenance: inferred(docs.wechatFamily) },
    { id: 'progress-once', platforms: 'all', text: 'onProgressUpdate fires once, at 100 %, when the server has taken the body (Node\'s fetch reports no finer progress).', provenance: assumed('ttsim limitation') },
    ...httpRules,
  ],
  failures: [
    ...httpFailures,
    { errno: Errno.fileNotExist, when: 'no file at filePath', provenance: documented(docs.errno) },
    { errno: Errno.invalidFilePath, when: 'a malformed filePath', provenance: documented(docs.errno) },
  ],
});

export const downloadFile = defineApi({
  task: 'DownloadTask',
  name: 'downloadFile',
  style: 'async',
  summary: 'Downloads a URL into ttfile://temp (or filePath) from the host (a DownloadTask while it runs).',
  doc: docs.downloadFile,
  params: z.strictObject({
    url: z.string().min(1),
    header: headerSchema.optional(),
    filePath: z.string().min(1).optional(),
    timeout: timeoutSchema.optional(),
  }),
  result: z.strictObject({ tempFilePath: z.string(), filePath: z.string().optional(), statusCode: z.number() }),
  support: { matrix: gadgetOnly('7.35.0'), provenance: documented(docs.downloadFile) },
  fieldSupport: {
    'object.filePath': {
      matrix: { gadget: { android: '3.43.0', ios: '3.43.0', pc: '3.43.0', harmony: '7.35.0' }, webapp: gadgetOnly('7.35.0').webapp },
      provenance: documented(`${docs.downloadFile}: "飞书 V3.43.0 及以上版本支持设置该字段"`),
    },
  },
  behaviours: [
    { id: 'get-to-temp', platforms: 'all', text: 'A GET whose body is written to ttfile://temp/<uuid>.<ext>; the extension comes from the content-type, else the URL, else "bin".', provenance: documented(`${docs.downloadFile}: GET, a local temp path; the file name is ttsim's`) },
    { id: 'file-path-target', platforms: 'all', text: 'With filePath (ttfile://temp/… or ttfile://user/…) the file is written there and both tempFilePath and filePath name it.', provenance: documented(`${docs.downloadFile}: filePath; returning filePath as well is the WeChat family's`) },
    { id: 'any-status-written', platforms: 'all', text: 'Whatever the status code, the body is written and success carries statusCode.', provenance: inferred(docs.wechatFamily) },
    { id: 'progress-events', platforms: 'all', text: 'onProgressUpdate reports progress (percent), totalBytesWritten and totalBytesExpectedToWrite as the body arrives.', provenance: inferred(docs.wechatFamily) },
    { id: 'atomic-write', platforms: 'all', text: 'The file appears only when complete (written under a hidden name, then renamed).', provenance: assumed('ttsim guarantee') },
    ...httpRules,
  ],
  failures: [
    ...httpFailures,
    { errno: Errno.noWritePermission, when: 'filePath is in the gadget package or leaves its area', provenance: documented(docs.fileSystem) },
    { errno: Errno.downloadFailed, when: 'the file could not be written', provenance: documented(errnoSource) },
  ],
});

export const connectSocket = defineApi({
  task: 'SocketTask',
  name: 'connectSocket',
  style: 'async',
  summary: 'Opens a WebSocket from the host and returns its SocketTask (send, close, onOpen, onMessage, onClose, onError).',
  doc: docs.connectSocket,
  params: z.strictObject({
    url: z.string().min(1),
    header: headerSchema.optional(),
    protocols: z.array(z.string()).optional(),
    timeout: timeoutSchema.optional(),
  }),
  result: z.strictObject({ socketTaskId: z.number() }),
  support: { matrix: gadgetOnly('7.39.0'), provenance: documented(docs.connectSocket) },
  behaviours: [
    { id: 'returns-socket-task', platforms: 'all', text: 'Always returns the SocketTask; success means the task was created, the connection reports through onOpen / onError / onClose.', provenance: documented(`${docs.connectSocket}: "通过返回的 socketTask 操作该连接"; when success fires is the Douyin family's`) },
    { id: 'socket-task-id', platforms: 'all', text: 'success carries socketTaskId, a number per session.', provenance: inferred('Douyin tt.connectSocket returns socketTaskId') },
    { id: 'failure-to-listeners', platforms: 'all', text: 'When connectSocket itself fails (bad url, offline, blocked, not supported) the task also reports onError then onClose (code 1006).', provenance: assumed('so that code listening only on the task sees the failure') },
    { id: 'handshake-timeout', platforms: 'all', text: 'The opening handshake is bounded by `timeout` or app.json networkTimeout.connectSocket (default 60000); past it onError and onClose fire.', provenance: inferred(docs.wechatFamily) },
    { id: 'socket-limit-not-enforced', platforms: 'all', text: 'Feishu documents at most 5 sockets; ttsim does not limit them.', provenance: assumed(`the limit is documented in ${docs.connectSocket}; what happens past it is not`) },
    { id: 'send-before-open-fails', platforms: 'all', text: 'send before onOpen, or after close, fails with 305 "the socket is not open".', provenance: assumed('WeChat says the same in words; the errno is ttsim\'s') },
    { id: 'network-policy', platforms: 'all', text: 'The session\'s network policy applies: offline fails with 303, a host not on the allow-list with 305.', provenance: assumed('ttsim feature, not client behaviour') },
  ],
  failures: [
    { errno: Errno.invalidParameter, when: 'url missing or not ws(s)://; a bad close code; an unknown parameter when the session is strict', provenance: assumed(docs.errno) },
    { errno: Errno.notSupported, when: 'a web app, Harmony below 7.39.0', provenance: documented(docs.errno) },
    { errno: Errno.noNetwork, when: 'the network policy is offline', provenance: documented(errnoSource) },
    { errno: Errno.networkFailure, when: 'blocked by the network policy; send on a socket that is not open', provenance: assumed(errnoSource) },
  ],
});
