/**
 * The headless transport: HTTP + WebSocket on 127.0.0.1 only. Every request and socket carries a
 * per-session token: the host token for the simulator shell, the guest token (a capability for the
 * session's bridge and its own files, nothing else) for the sandboxed guest.
 *
 *   /s/<session>/?token=H            simulator shell (plain page; the devtools UI comes later)
 *   /s/<session>/ws?token=H          shell socket: the session's event stream (calls as summaries)
 *   /s/<session>/events.json?token=H all kept events in full; events/<seq>.json one of them
 *   /g/<session>/<G>/__ttsim__/…     guest runtime: gadget.html, *.js, boot.json, storage.json (storage read mirror), ws (bridge), sync (Sync APIs)
 *   /g/<session>/<G>/__ttfile__/…    ttfile://temp/… and ttfile://user/… files
 *   /g/<session>/<G>/<path>          package files (web-app HTML gets the h5sdk script injected)
 */
import { timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { Errno, isTtError } from '../../../emulator-api/src/common/errors.js';
import type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { taskApis, type TaskEvent } from '../../../emulator-api/src/common/tasks.js';
import type { TaskControl } from '../../../emulator-api/src/node/task-calls.js';
import { decodeValue, encodeValue, type GuestToHost, type HostToGuest, type PrepareAnswer } from '../common/protocol.js';
import type { Host, HostSession } from './host.js';
import { shellHtml, gadgetHtml } from './pages.js';
import { ShellWire } from './shell-wire.js';
import { webAssetsDir } from './web-assets.js';
import { rewriteWebAppHtml } from './webapp-html.js';
import { failResult } from '../../../emulator-api/src/common/fail-result.js';

/**
 * When the shell gets the events: after the stream has been quiet this long (a single call shows at once)…
 * …or, during a burst of calls, at most this often. Each message the shell handles and draws takes CPU
 * from the guest (bench/bridge.mjs: at five messages a second the bridge's p99 was 1.7× the bare echo's).
 */
const SHELL_QUIET_MS = 30;
const SHELL_MAX_WAIT_MS = 1000;

export interface RunningServer {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  shellUrl(session: HostSession): string;
  guestBase(session: HostSession): string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.svg': 'image/svg+xml', '.avif': 'image/avif', '.heic': 'image/heic', '.tif': 'image/tiff', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.ttml': 'text/plain; charset=utf-8', '.ttss': 'text/css; charset=utf-8',
};
const mimeOf = (file: string) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

/** Guest responses may be read by the sandboxed (opaque-origin) iframe: the guest token in the URL is the credential. */
const guestCors = { 'access-control-allow-origin': '*' };

export async function startServer(host: Host, options: { port?: number } = {}): Promise<RunningServer> {
  let port = 0;
  let assetsDir: string | undefined;
  const assets = () => (assetsDir ??= webAssetsDir());
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `ttsim: ${error instanceof Error ? error.message : String(error)}`);
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'ttsim: unexpected Host header');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [scope, sessionId] = parts;
    const session = sessionId ? host.get(sessionId) : undefined;
    if (!session) return send(res, 404, 'ttsim: no such session');

    if (scope === 's') {
      if (!sameToken(url.searchParams.get('token'), session.hostToken)) return send(res, 403, 'ttsim: this URL needs the session token');
      const rest = parts.slice(2).join('/');
      if (rest === '') return send(res, 200, shellHtml(session, guestBaseOf(session)), MIME['.html']);
      if (rest === 'events.json') return send(res, 200, JSON.stringify(encodeValue(session.events.list())), MIME['.json']);
      const one = /^events\/(\d+)\.json$/.exec(rest);
      if (one) {
        const event = session.events.get(Number(one[1]));
        return event ? send(res, 200, JSON.stringify(encodeValue(event)), MIME['.json']) : send(res, 404, `ttsim: event ${one[1]} is not kept (the stream keeps the last ${session.events.capacity})`);
      }
      if (rest === 'shell.js') return sendFile(res, path.join(assets(), 'shell.js'));
      return send(res, 404, 'ttsim: not found');
    }

    if (scope === 'g') {
      if (!sameToken(parts[2], session.guestToken)) return send(res, 403, 'ttsim: wrong guest token', undefined, guestCors);
      const [area, ...restParts] = parts.slice(3);
      if (area === '__ttsim__') return handleRuntime(req, res, session, restParts.join('/'));
      if (area === '__ttfile__') return sendSandboxFile(res, session, `ttfile://${restParts.join('/')}`);
      return sendPackageFile(res, session, parts.slice(3).join('/') || 'index.html');
    }
    return send(res, 404, 'ttsim: not found');
  }

  async function handleRuntime(req: http.IncomingMessage, res: http.ServerResponse, session: HostSession, what: string): Promise<void> {
    if (what === 'gadget.html') return send(res, 200, gadgetHtml(session), MIME['.html'], guestCors);
    if (what === 'storage.json') return send(res, 200, JSON.stringify(session.storageSnapshot()), MIME['.json'], guestCors);
    if (what === 'boot.json') return send(res, 200, JSON.stringify(session.boot(`${guestBaseOf(session)}`)), MIME['.json'], guestCors);
    if (what === 'sync' && req.method === 'POST') {
      const body = await readBody(req, 64 * 1024 * 1024);
      const { api, args } = JSON.parse(body) as { api: string; args: unknown[] };
      const answer = session.callSync(api, decodeValue(args) as unknown[]);
      return send(res, 200, JSON.stringify(encodeValue(answer)), MIME['.json'], guestCors);
    }
    if (/^[\w.-]+\.js(\.map)?$/.test(what)) return sendFile(res, path.join(assets(), what), guestCors);
    return send(res, 404, 'ttsim: not found', undefined, guestCors);
  }

  function sendSandboxFile(res: http.ServerResponse, session: HostSession, ttfilePath: string): void {
    let hostPath: string;
    try {
      hostPath = session.session.resolve(ttfilePath);
    } catch (error) {
      return send(res, isTtError(error) && error.errno === 203 ? 404 : 403, `ttsim: ${(error as Error).message}`, undefined, guestCors);
    }
    sendFile(res, hostPath, guestCors);
  }

  function sendPackageFile(res: http.ServerResponse, session: HostSession, packagePath: string): void {
    let hostPath: string;
    try {
      hostPath = session.session.resolve(packagePath);
    } catch (error) {
      return send(res, 403, `ttsim: ${(error as Error).message}`, undefined, guestCors);
    }
    if (session.project.kind === 'webapp' && /\.html?$/i.test(hostPath) && fs.existsSync(hostPath)) {
      const page = rewriteWebAppHtml(fs.readFileSync(hostPath, 'utf8'), `${guestBaseOf(session)}__ttsim__/h5sdk.js`);
      return send(res, 200, page.html, MIME['.html'], guestCors);
    }
    sendFile(res, hostPath, guestCors);
  }

  function sendFile(res: http.ServerResponse, file: string, extra: Record<string, string> = {}): void {
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) return send(res, 404, 'ttsim: not found', undefined, extra);
      res.writeHead(200, { 'content-type': mimeOf(file), 'content-length': stats.size, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
      fs.createReadStream(file).pipe(res);
    });
  }

  const guestBaseOf = (session: HostSession) => `/g/${session.id}/${session.guestToken}/`;

  // WebSockets: the guest bridge and the shell's event stream.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const parts = url.pathname.split('/').filter(Boolean);
    const session = parts[1] ? host.get(parts[1]) : undefined;
    const refuse = (status: number) => {
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n\r\n`);
    };
    if (!allowedHosts().has(req.headers.host ?? '') || !session) return refuse(404);
    if (parts[0] === 'g' && sameToken(parts[2], session.guestToken) && parts[3] === '__ttsim__' && parts[4] === 'ws') {
      wss.handleUpgrade(req, socket, head, (ws) => attachGuest(ws, session));
    } else if (parts[0] === 's' && parts[2] === 'ws' && sameToken(url.searchParams.get('token'), session.hostToken)) {
      wss.handleUpgrade(req, socket, head, (ws) => attachShell(ws, session));
    } else refuse(403);
  });

  function attachGuest(ws: WebSocket, session: HostSession): void {
    const sendToGuest = (message: HostToGuest) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message));
    sendToGuest({ t: 'mocks', apis: session.mockedApis() });
    const stopMocks = session.onMocksChanged((apis) => sendToGuest({ t: 'mocks', apis }));
    const stopAppEvents = session.onAppEvent((event, payload) => sendToGuest({ t: 'app-event', event, payload: encodeValue(payload) }));
    session.events.push({ type: 'session', what: 'guest-connected' });
    // The tasks this guest holds (requests in flight, open sockets), by the guest's task id.
    const tasks = new Map<number, TaskControl>();
    const startTask = (message: Extract<GuestToHost, { t: 'call' }>, task: number) => {
      const { settled, control } = session.callTask(message.api, decodeValue(message.params), (event) => {
        sendToGuest({ t: 'task', task, event: encodeValue(event) as TaskEvent });
        if (event.type === 'close') tasks.delete(task);
      });
      if (control) tasks.set(task, control);
      void settled.then((result) => {
        if ('errno' in result || taskApis[message.api] !== 'SocketTask') tasks.delete(task);
        sendToGuest({ t: 'result', id: message.id, result: encodeValue(result) as typeof result });
      });
    };
    const taskOperation = (message: Extract<GuestToHost, { t: 'task-op' }>) => {
      const control = tasks.get(message.task);
      if (message.op === 'abort') return control?.abort();
      const params = (decodeValue(message.params ?? {}) ?? {}) as Record<string, unknown>;
      const answer: Promise<SuccessResult | FailResult> = control
        ? control.socket(message.op, params)
        : Promise.resolve(failResult(message.op, Errno.networkFailure, 'the socket is not open (it is closed)'));
      void answer.then((result) => sendToGuest({ t: 'result', id: message.id, result: encodeValue(result) as typeof result }));
    };
    ws.on('message', (data) => {
      let message: GuestToHost;
      try {
        message = JSON.parse(String(data)) as GuestToHost;
      } catch {
        return;
      }
      if (message.t === 'call' && message.task !== undefined) {
        startTask(message, message.task);
      } else if (message.t === 'task-op') {
        taskOperation(message);
      } else if (message.t === 'call') {
        void session.call(message.api, decodeValue(message.params)).then((result) => sendToGuest({ t: 'result', id: message.id, result: encodeValue(result) as typeof result }));
      } else if (message.t === 'store-image') {
        const data = decodeValue(message.data);
        const answer = data instanceof ArrayBuffer && (message.fileType === 'png' || message.fileType === 'jpg')
          ? session.storeImage(data, message.fileType)
          : Promise.resolve(failResult('canvasToTempFilePath', Errno.invalidImageData, 'the guest sent no image bytes'));
        void answer.then((result) => sendToGuest({ t: 'result', id: message.id, result: encodeValue(result) as typeof result }));
      } else if (message.t === 'prepare') {
        sendToGuest({ t: 'prepared', id: message.id, answer: encodeValue(session.prepare(message.api, decodeValue(message.params))) as PrepareAnswer });
      } else session.receive(message);
    });
    ws.on('close', () => {
      stopMocks();
      stopAppEvents();
      for (const control of tasks.values()) control.dispose();
      tasks.clear();
      session.events.push({ type: 'session', what: 'guest-disconnected' });
    });
  }

  function attachShell(ws: WebSocket, session: HostSession): void {
    const wire = new ShellWire();
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
      quiet = deadline = undefined;
      if (ws.readyState === ws.OPEN) ws.send(wire.take());
    };
    for (const event of session.events.list()) wire.add(event);
    flush();
    // Later events go out once the stream has been quiet for SHELL_QUIET_MS, and during a burst at most every
    // SHELL_MAX_WAIT_MS: each message the shell handles and draws takes CPU from the guest's calls.
    const stop = session.events.subscribe((event) => {
      wire.add(event);
      if (quiet) quiet.refresh();
      else quiet = setTimeout(flush, SHELL_QUIET_MS);
      deadline ??= setTimeout(flush, SHELL_MAX_WAIT_MS);
    });
    ws.on('close', () => {
      stop();
      clearTimeout(quiet);
      clearTimeout(deadline);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    shellUrl: (session) => `${origin}/s/${session.id}/?token=${session.hostToken}`,
    guestBase: (session) => `${origin}${guestBaseOf(session)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
