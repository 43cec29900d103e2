/** tt.request, uploadFile, downloadFile and connectSocket, done by the host for real. */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { MOCKED_RULE_ID } from '../../common/apis/network.js';
import { Errno, TtError } from '../../common/errors.js';
import { withArticle } from '../../common/validation.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import { exchange, type HttpAnswer } from '../network-http.js';
import { parseHttpUrl } from '../network-http.js';
import { PARTIAL_PREFIX, type ResolvedPath } from '../sandbox.js';
import type { TaskHandle } from '../tasks.js';
import { chosenFileName } from '../temp-files.js';
import { openSocket } from '../network-socket.js';
import { requireFile } from './files.js';

function requireTask(ctx: NodeCallContext): TaskHandle {
  if (!ctx.task) throw new Error('a task API was called without its task handle');
  return ctx.task;
}

/** The task of request / uploadFile / downloadFile, which share these rules: each call starts at once, none is queued. */
function httpTask(ctx: NodeCallContext): TaskHandle {
  const task = requireTask(ctx);
  ctx.applyRule('task-object');
  ctx.applyRule('concurrency-not-limited');
  return task;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Lower-case names, string values; header names or values HTTP cannot carry fail with 104. */
function requestHeader(header: Readonly<Record<string, string | number | boolean>> | undefined, ctx: NodeCallContext, dropReferer: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(header ?? {})) {
    const value = String(raw);
    if (!TOKEN.test(name)) throw new TtError(Errno.invalidParameter, `parameter error: ${JSON.stringify(name)} is not a valid header name`);
    if (/[\r\n\0]/.test(value)) throw new TtError(Errno.invalidParameter, `parameter error: the value of header ${name} contains a line break or NUL`);
    if (dropReferer && name.toLowerCase() === 'referer') {
      ctx.applyRule('referer-dropped');
      continue;
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** How GET data joins the query string: key=value pairs, URI-encoded; object values as JSON. */
function toQuery(data: Readonly<Record<string, unknown>> | readonly unknown[]): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value))}`)
    .join('&');
}

function withQuery(url: URL, query: string): URL {
  if (!query) return url;
  const next = new URL(url.href);
  next.search = next.search ? `${next.search}&${query}` : `?${query}`;
  return next;
}

type RequestData = ApiParsedParams<'request'>['data'];

/** Where the data goes: the query string (GET, HEAD) or the body, encoded as Feishu documents. */
function encodeRequestData(method: string, url: URL, data: RequestData, contentType: string, ctx: NodeCallContext): { url: URL; body: Uint8Array | undefined } {
  if (data === undefined || data === null) return { url, body: undefined };
  if (method === 'GET' || method === 'HEAD') {
    if (data instanceof ArrayBuffer) throw new TtError(Errno.invalidParameter, `parameter error: ${withArticle(method)} request cannot carry an ArrayBuffer; send it with POST or PUT`);
    ctx.applyRule('get-data-to-query');
    return { url: withQuery(url, typeof data === 'string' ? data.replace(/^[?&]/, '') : toQuery(data)), body: undefined };
  }
  if (typeof data === 'string') return { url, body: Buffer.from(data, 'utf8') };
  if (data instanceof ArrayBuffer) return { url, body: new Uint8Array(data) };
  ctx.applyRule('object-data-to-json');
  const text = contentType.toLowerCase().startsWith('application/x-www-form-urlencoded') ? toQuery(data) : JSON.stringify(data);
  return { url, body: Buffer.from(text, 'utf8') };
}

function timeoutOf(given: number | undefined, fallback: number, ctx: NodeCallContext): number {
  ctx.applyRule('timeout');
  return Math.ceil(given ?? fallback);
}

function noteAnswer(answer: HttpAnswer, ctx: NodeCallContext): void {
  if (answer.mocked) ctx.applyRule(MOCKED_RULE_ID);
  if (answer.redirected) ctx.applyRule('redirects-followed');
  if (answer.statusCode >= 400) ctx.applyRule('http-status-succeeds');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function request(params: ApiParsedParams<'request'>, ctx: NodeCallContext) {
  const task = httpTask(ctx);
  if (params.method === undefined) ctx.applyRule('method-default-get');
  const method = params.method ?? 'GET';
  const header = requestHeader(params.header, ctx, true);
  if (header['content-type'] === undefined) {
    ctx.applyRule('content-type-default-json');
    header['content-type'] = 'application/json';
  }
  const { url, body } = encodeRequestData(method, parseHttpUrl(params.url), params.data, header['content-type'], ctx);
  const chunks: Uint8Array[] = [];
  const answer = await exchange({ api: 'request', url, method, header, body, timeoutMs: timeoutOf(params.timeout, ctx.networkTimeouts.request, ctx) }, ctx.network, task.signal, {
    onHeaders: (a) => task.emit('headersReceived', { statusCode: a.statusCode, header: { ...a.header } }),
    onChunk: (chunk) => void chunks.push(chunk),
  });
  noteAnswer(answer, ctx);
  ctx.applyRule('header-lowercase');
  const bytes = Buffer.concat(chunks);
  let data: unknown;
  if (params.responseType === 'arraybuffer') {
    ctx.applyRule('arraybuffer-response');
    data = toArrayBuffer(bytes);
  } else {
    const text = bytes.toString('utf8');
    data = text;
    if ((params.dataType ?? 'json') === 'json') {
      ctx.applyRule('json-parsed');
      try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        data = text;
      }
    }
  }
  return { data, statusCode: answer.statusCode, header: { ...answer.header } };
}

const MIME_BY_EXT: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', bmp: 'image/bmp',
  heic: 'image/heic', avif: 'image/avif', pdf: 'application/pdf', json: 'application/json', txt: 'text/plain', html: 'text/html',
  csv: 'text/csv', xml: 'application/xml', zip: 'application/zip', mp3: 'audio/mpeg', m4a: 'audio/mp4', mp4: 'video/mp4',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const EXT_BY_MIME: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(MIME_BY_EXT).map(([ext, mime]) => [mime, ext])),
  'image/jpeg': 'jpg', 'text/javascript': 'js', 'application/javascript': 'js', 'text/css': 'css', 'text/xml': 'xml', 'audio/mp3': 'mp3',
};

/** A form-data name or file name as browsers write it in a quoted string (WHATWG: escape ", CR and LF). */
const quoted = (text: string) => text.replace(/\r\n|\r|\n/g, '\r\n').replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** multipart/form-data: the fields, then the file. */
export function multipartBody(fields: Readonly<Record<string, string | number | boolean>>, file: { name: string; fileName: string; type: string; bytes: Uint8Array }): { boundary: string; body: Buffer } {
  const boundary = `----ttsimFormBoundary${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${String(value)}\r\n`, 'utf8'));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.name)}"; filename="${quoted(file.fileName)}"\r\nContent-Type: ${file.type}\r\n\r\n`, 'utf8'));
  parts.push(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'));
  return { boundary, body: Buffer.concat(parts) };
}

export async function uploadFile(params: ApiParsedParams<'uploadFile'>, ctx: NodeCallContext) {
  const task = httpTask(ctx);
  const url = parseHttpUrl(params.url);
  const source = ctx.sandbox.resolve(params.filePath, 'read', { mustExist: true });
  requireFile(source.hostPath, params.filePath);
  const bytes = await fsp.readFile(source.hostPath);
  const fileName = path.posix.basename(source.relative) || 'file';
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const header = requestHeader(params.header, ctx, true);
  ctx.applyRule('multipart-post');
  const { boundary, body } = multipartBody(params.formData ?? {}, { name: params.name, fileName, type: MIME_BY_EXT[ext] ?? 'application/octet-stream', bytes });
  header['content-type'] = `multipart/form-data; boundary=${boundary}`;
  const chunks: Uint8Array[] = [];
  const answer = await exchange({ api: 'uploadFile', url, method: 'POST', header, body, timeoutMs: timeoutOf(params.timeout, ctx.networkTimeouts.uploadFile, ctx) }, ctx.network, task.signal, {
    onHeaders: (a) => {
      ctx.applyRule('progress-once');
      task.emit('progressUpdate', { progress: 100, totalBytesSent: body.byteLength, totalBytesExpectedToSend: body.byteLength });
      task.emit('headersReceived', { statusCode: a.statusCode, header: { ...a.header } });
    },
    onChunk: (chunk) => void chunks.push(chunk),
  });
  noteAnswer(answer, ctx);
  ctx.applyRule('data-is-string');
  return { data: Buffer.concat(chunks).toString('utf8'), statusCode: answer.statusCode };
}

/** The downloaded file's extension: from its content-type, else from the URL, else "bin". */
export function downloadExtension(contentType: string | undefined, url: URL): string {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const byType = EXT_BY_MIME[mime];
  if (byType) return byType;
  const fromUrl = path.posix.extname(decodeURIComponent(url.pathname)).slice(1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(fromUrl) ? fromUrl : 'bin';
}

/** A filePath the gadget chose: ttfile://temp or ttfile://user, in an existing folder. */
function downloadTarget(filePath: string, ctx: NodeCallContext): ResolvedPath {
  const target = ctx.sandbox.resolve(filePath, 'read');
  if (target.area === 'package') throw new TtError(Errno.noWritePermission, `permission denied, the gadget package is read-only: download to a ttfile://temp/… or ttfile://user/… path (${filePath})`);
  ctx.applyRule('file-path-target');
  const parent = path.dirname(target.hostPath);
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) throw new TtError(Errno.fileNotExist, `no such file or directory: the folder of ${filePath} does not exist`);
  if (fs.statSync(target.hostPath, { throwIfNoEntry: false })?.isDirectory()) throw new TtError(Errno.notFile, `not a file: ${filePath} is a directory`);
  return target;
}

export async function downloadFile(params: ApiParsedParams<'downloadFile'>, ctx: NodeCallContext) {
  const task = httpTask(ctx);
  const url = parseHttpUrl(params.url);
  const chosen = params.filePath === undefined ? undefined : downloadTarget(params.filePath, ctx);
  const header = requestHeader(params.header, ctx, true);
  let target: ResolvedPath | undefined = chosen;
  let partial: string | undefined;
  let file: fsp.FileHandle | undefined;
  let written = 0;
  let expected: number | undefined;
  let lastProgress = -1;
  const writeFailure = (error: unknown) => new TtError(Errno.downloadFailed, `unable to download file: writing ${target?.guestPath ?? 'the temp file'} failed: ${error instanceof Error ? error.message : String(error)}`);
  try {
    const answer = await exchange({ api: 'downloadFile', url, method: 'GET', header, body: undefined, timeoutMs: timeoutOf(params.timeout, ctx.networkTimeouts.downloadFile, ctx) }, ctx.network, task.signal, {
      onHeaders: async (a) => {
        task.emit('headersReceived', { statusCode: a.statusCode, header: { ...a.header } });
        target ??= ctx.sandbox.newTempPath(chosenFileName(downloadExtension(a.header['content-type'], a.url)));
        expected = a.expectedBytes;
        partial = path.join(path.dirname(target.hostPath), `${PARTIAL_PREFIX}${randomUUID()}`);
        file = await fsp.open(partial, 'wx').catch((error: unknown) => Promise.reject(writeFailure(error)));
      },
      onChunk: async (chunk) => {
        await file!.write(chunk).catch((error: unknown) => Promise.reject(writeFailure(error)));
        written += chunk.byteLength;
        const progress = expected ? Math.min(100, Math.floor((written / expected) * 100)) : 0;
        if (progress !== lastProgress) {
          lastProgress = progress;
          ctx.applyRule('progress-events');
          task.emit('progressUpdate', { progress, totalBytesWritten: written, totalBytesExpectedToWrite: expected ?? 0 });
        }
      },
    });
    try {
      await file!.close();
      file = undefined;
      fs.renameSync(partial!, target!.hostPath);
      partial = undefined;
    } catch (error) {
      throw writeFailure(error);
    }
    if (lastProgress !== 100) task.emit('progressUpdate', { progress: 100, totalBytesWritten: written, totalBytesExpectedToWrite: expected ?? written });
    noteAnswer(answer, ctx);
    ctx.applyRule('get-to-temp');
    ctx.applyRule('any-status-written');
    ctx.applyRule('atomic-write');
    const guestPath = target!.guestPath;
    return { tempFilePath: guestPath, ...(chosen ? { filePath: guestPath } : {}), statusCode: answer.statusCode };
  } finally {
    await (file as fsp.FileHandle | undefined)?.close().catch(() => undefined);
    if (partial) await fsp.rm(partial, { force: true });
  }
}

export function connectSocket(params: ApiParsedParams<'connectSocket'>, ctx: NodeCallContext) {
  const task = requireTask(ctx);
  const url = parseHttpUrl(params.url, ['ws:', 'wss:']);
  ctx.applyRule('network-policy');
  ctx.network.requireAllowed(url);
  const header = requestHeader(params.header, ctx, false);
  ctx.applyRule('handshake-timeout');
  ctx.applyRule('returns-socket-task');
  ctx.applyRule('socket-task-id');
  // Feishu's limit of 5 sockets is not enforced: every connectSocket opens its own.
  ctx.applyRule('socket-limit-not-enforced');
  openSocket(task, url, { header, protocols: params.protocols ?? [], timeoutMs: Math.ceil(params.timeout ?? ctx.networkTimeouts.connectSocket) });
  return { socketTaskId: task.id };
}
