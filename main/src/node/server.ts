/**
 * The headless transport: HTTP + WebSocket on 127.0.0.1 only. It serves files and carries protocol
 * messages to a HostConnection (host-connection.ts), which validates and routes them. Every request and
 * socket carries a per-session token: the host token for the devtools and automation, the guest token (a
 * capability for the session's bridge and its own files, nothing else) for the sandboxed guest.
 *
 *   /s/<session>/?token=H            the devtools (React: simulator, API log, files, console)
 *   /s/<session>/plain?token=H       the plain simulator shell (a log beside the device; the automation SDK's default)
 *   /s/<session>/ws?token=H          devtools / automation socket (hello as devtools: the event stream, calls as summaries)
 *   /s/<session>/events.json?token=H all kept events in full; events/<seq>.json one of them
 *   /s/<session>/file?token=H&path=P a ttfile:// or package file for the devtools (&download to save it)
 *   /s/<session>/upload?token=H&name=N POST: a file from disk for the image picker (answers its upload id)
 *   /g/<session>/<G>/__ttsim__/…     guest runtime: gadget.html (boot payload and runtime inline), *.js, boot.json (h5sdk), storage.json (storage read mirror), ws (bridge), sync (Sync APIs)
 *   /g/<session>/<G>/__ttfile__/…    ttfile://temp/… and ttfile://user/… files
 *   /g/<session>/<G>/<path>          package files (web-app HTML gets the h5sdk script injected)
 */
import { timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { isTtError } from '../../../emulator-api/src/common/errors.js';
import { encodeValue, WIRE_LIMITS } from '../../../emulator-api/src/protocol/wire.js';
import type { ClientRole } from '../../../emulator-api/src/protocol/version.js';
import type { Host, HostSession } from './host.js';
import { devtoolsHtml, gadgetHtml, shellHtml } from './pages.js';
import { webAssetsDir } from './web-assets.js';
import { rewriteWebAppHtml } from './webapp-html.js';
import { GUEST_SANDBOX, guestCsp } from './guest-csp.js';
import { pickerSamples, samplePath } from './image-picker.js';

export interface RunningServer {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** The plain simulator page (the device and a log): what the automation SDK opens by default. */
  shellUrl(session: HostSession): string;
  /** The devtools (React UI): what `ttsim dev` opens. */
  devtoolsUrl(session: HostSession): string;
  guestBase(session: HostSession): string;
  /** The guest's document alone, as the top-level page: the device's screen and nothing else (the `sim` fixture's page). */
  guestUrl(session: HostSession): string;
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

/** The devtools page loads only from this host; the guest runs in its own sandboxed frame (guest-csp.ts). */
const DEVTOOLS_CSP = { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-src 'self'; object-src 'none'; base-uri 'none'" };

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
    const parts = decodePathParts(url.pathname);
    if (!parts) return send(res, 400, 'ttsim: the path has malformed percent-encoding');
    const [scope, sessionId] = parts;
    const session = sessionId ? host.get(sessionId) : undefined;
    if (!session) return send(res, 404, 'ttsim: no such session');

    if (scope === 's') {
      if (!sameToken(url.searchParams.get('token'), session.hostToken)) return send(res, 403, 'ttsim: this URL needs the session token');
      const rest = parts.slice(2).join('/');
      // The devtools (React) at the session URL; the plain shell (a log beside the device) at plain/.
      if (rest === '') return send(res, 200, devtoolsHtml(session), MIME['.html'], DEVTOOLS_CSP);
      if (rest === 'plain') return send(res, 200, shellHtml(session), MIME['.html']);
      if (rest === 'events.json') return send(res, 200, JSON.stringify(encodeValue(session.events.list())), MIME['.json']);
      const one = /^events\/(\d+)\.json$/.exec(rest);
      if (one) {
        const event = session.events.get(Number(one[1]));
        return event ? send(res, 200, JSON.stringify(encodeValue(event)), MIME['.json']) : send(res, 404, `ttsim: event ${one[1]} is not kept (the stream keeps the last ${session.events.capacity})`);
      }
      if (rest === 'shell.js' || rest === 'devtools.js' || rest === 'devtools.css') return sendFile(res, path.join(assets(), rest));
      if (rest === 'upload' && req.method === 'POST') {
        // A file from the user's disk for the image picker: kept for this session, answered with its id.
        if (!session.picker) return send(res, 409, 'ttsim: this session answers tt.chooseImage with its own chooser');
        const body = await readBodyBytes(req, WIRE_LIMITS.messageBytes);
        if (body === undefined) return send(res, 413, `ttsim: an upload may be at most ${WIRE_LIMITS.messageBytes} bytes`, undefined, { connection: 'close' });
        const id = session.picker.upload(url.searchParams.get('name') ?? 'upload', body);
        return send(res, 200, JSON.stringify({ upload: id }), MIME['.json']);
      }
      if (rest === 'sample') {
        const sample = pickerSamples.find((s) => s.id === url.searchParams.get('id'));
        return sample ? sendFile(res, samplePath(sample)) : send(res, 404, 'ttsim: no such sample image');
      }
      if (rest === 'file') {
        // A sandbox or package file for the devtools (previews, downloads): the same path checks as the guest's.
        const guestPath = url.searchParams.get('path') ?? '';
        let hostPath: string;
        try {
          hostPath = session.resolve(guestPath);
        } catch (error) {
          return send(res, isTtError(error) && error.errno === 203 ? 404 : 403, `ttsim: ${(error as Error).message}`);
        }
        const download: Record<string, string> = url.searchParams.has('download') ? { 'content-disposition': `attachment; filename="${path.basename(hostPath).replace(/["\\]/g, '_')}"` } : {};
        return sendFile(res, hostPath, download);
      }
      return send(res, 404, 'ttsim: not found');
    }

    if (scope === 'g') {
      if (!sameToken(parts[2], session.guestToken)) return send(res, 403, 'ttsim: wrong guest token', undefined, guestCors);
      // Whatever document the guest frame loads from here (the runtime's page, a web app's or any package HTML)
      // is held to this host and the session's network policy (guest-csp.ts).
      res.setHeader('content-security-policy', `${guestCsp(session.networkPolicy, allowedHosts())}; ${GUEST_SANDBOX}`);
      const [area, ...restParts] = parts.slice(3);
      if (area === '__ttsim__') return handleRuntime(req, res, session, restParts.join('/'));
      if (area === '__ttfile__') return sendSandboxFile(res, session, `ttfile://${restParts.join('/')}`);
      return sendPackageFile(res, session, parts.slice(3).join('/') || 'index.html');
    }
    return send(res, 404, 'ttsim: not found');
  }

  async function handleRuntime(req: http.IncomingMessage, res: http.ServerResponse, session: HostSession, what: string): Promise<void> {
    if (what === 'gadget.html') return send(res, 200, gadgetHtml(session, await fs.promises.readFile(path.join(assets(), 'guest-gadget.js'), 'utf8')), MIME['.html'], guestCors);
    if (what === 'storage.json') return send(res, 200, JSON.stringify(session.storageSnapshot()), MIME['.json'], guestCors);
    if (what === 'boot.json') return send(res, 200, JSON.stringify(session.boot()), MIME['.json'], guestCors);
    if (what === 'sync' && req.method === 'POST') {
      // The sync channel: one call-sync message per request, its answer is the response body.
      const body = await readBody(req, WIRE_LIMITS.messageBytes);
      if (body === undefined) return send(res, 413, `ttsim: a Sync call's message may be at most ${WIRE_LIMITS.messageBytes} bytes`, undefined, { ...guestCors, connection: 'close' });
      let answer = '';
      const connection = session.connect({ send: (json) => (answer = json), close: () => undefined }, ['guest']);
      connection.dispatch(body);
      connection.close();
      return send(res, answer ? 200 : 400, answer || 'ttsim: the sync channel takes one call-sync message', MIME['.json'], guestCors);
    }
    if (/^[\w.-]+\.js(\.map)?$/.test(what)) return sendFile(res, path.join(assets(), what), guestCors);
    return send(res, 404, 'ttsim: not found', undefined, guestCors);
  }

  function sendSandboxFile(res: http.ServerResponse, session: HostSession, ttfilePath: string): void {
    let hostPath: string;
    try {
      hostPath = session.resolve(ttfilePath);
    } catch (error) {
      return send(res, isTtError(error) && error.errno === 203 ? 404 : 403, `ttsim: ${(error as Error).message}`, undefined, guestCors);
    }
    sendFile(res, hostPath, guestCors);
  }

  function sendPackageFile(res: http.ServerResponse, session: HostSession, packagePath: string): void {
    let hostPath: string;
    try {
      hostPath = session.resolve(packagePath);
    } catch (error) {
      return send(res, isTtError(error) && error.errno === 203 ? 404 : 403, `ttsim: ${(error as Error).message}`, undefined, guestCors);
    }
    if (session.project.kind === 'webapp' && /\.html?$/i.test(hostPath) && fs.existsSync(hostPath)) {
      const page = rewriteWebAppHtml(fs.readFileSync(hostPath, 'utf8'), `${session.guestBase}__ttsim__/h5sdk.js`);
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

  // WebSockets carry protocol messages to a HostConnection and back; the connection does the rest. A frame
  // past the limit, invalid UTF-8 or a broken frame closes that socket (ws reports it as an 'error'), never the host.
  const wss = new WebSocketServer({ noServer: true, maxPayload: WIRE_LIMITS.messageBytes });
  wss.on('error', () => undefined);
  /** Open sockets per session and kind: a guest needs one (two while a page reloads), the devtools and automation a few. */
  const openSockets = new Map<string, number>();
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => undefined);
    const refuse = (status: number, why = http.STATUS_CODES[status] ?? '') => {
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nttsim: ${why}`);
    };
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const parts = decodePathParts(url.pathname);
    if (!parts) return refuse(400, 'the path has malformed percent-encoding');
    const session = parts[1] ? host.get(parts[1]) : undefined;
    if (!allowedHosts().has(req.headers.host ?? '') || !session) return refuse(404);
    const origin = req.headers.origin;
    let kind: 'guest' | 'control';
    if (parts[0] === 'g' && sameToken(parts[2], session.guestToken) && parts[3] === '__ttsim__' && parts[4] === 'ws') kind = 'guest';
    else if (parts[0] === 's' && parts[2] === 'ws' && sameToken(url.searchParams.get('token'), session.hostToken)) kind = 'control';
    else return refuse(403);
    // A browser always names the page's origin: the guest's sandboxed frame is opaque ("null"), the devtools
    // are served by this host. Another site's page is refused even if it learnt a token.
    const allowedOrigins = kind === 'guest' ? ['null', ...[...allowedHosts()].map((h) => `http://${h}`)] : [...allowedHosts()].map((h) => `http://${h}`);
    if (origin !== undefined && !allowedOrigins.includes(origin)) return refuse(403, `a WebSocket from origin ${origin} is not allowed`);
    const key = `${session.id} ${kind}`;
    const open = openSockets.get(key) ?? 0;
    if (open >= SOCKETS_PER_SESSION[kind]) return refuse(429, `session ${session.id} has ${open} ${kind} sockets open already (at most ${SOCKETS_PER_SESSION[kind]})`);
    openSockets.set(key, open + 1);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', () => openSockets.set(key, (openSockets.get(key) ?? 1) - 1));
      carry(ws, session, kind === 'guest' ? ['guest'] : ['devtools', 'automation']);
    });
  });

  /**
   * One socket, one HostConnection: text in to dispatch, text out to the socket. A client that does not
   * read its socket is closed once SEND_BUFFER_LIMIT bytes wait for it, with a message in the event stream.
   */
  function carry(ws: WebSocket, session: HostSession, roles: readonly ClientRole[]): void {
    const connection = session.connect({
      send: (json) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > SEND_BUFFER_LIMIT) {
          const why = `ttsim closed a ${connection.clientRole ?? 'client'} socket: it did not read ${ws.bufferedAmount} bytes waiting for it (at most ${SEND_BUFFER_LIMIT})`;
          session.events.push({ type: 'console', level: 'warn', args: [why] });
          ws.close(SLOW_READER_CLOSE_CODE, 'ttsim: the client did not read its socket');
          setTimeout(() => ws.terminate(), 1000).unref();
          return;
        }
        ws.send(json);
      },
      close: (code, reason) => ws.close(code, reason),
    }, roles, (policy) => guestCsp(policy, allowedHosts()));
    ws.on('message', (data, isBinary) => connection.dispatch(isBinary ? '' : String(data)));
    ws.on('error', (error) => session.events.push({ type: 'console', level: 'warn', args: [`ttsim closed a ${connection.clientRole ?? 'client'} socket: ${error.message}`] }));
    ws.on('close', () => connection.close());
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
    shellUrl: (session) => `${origin}/s/${session.id}/plain?token=${session.hostToken}`,
    devtoolsUrl: (session) => `${origin}/s/${session.id}/?token=${session.hostToken}`,
    guestBase: (session) => `${origin}${session.guestBase}`,
    guestUrl: (session) => `${origin}${session.guestDocument}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Bytes waiting to be sent to one socket past which its client counts as not reading (and is closed). */
const SEND_BUFFER_LIMIT = 16 * 1024 * 1024;
/** WebSocket close code for a client that did not read its socket (4000–4999 are for applications). */
const SLOW_READER_CLOSE_CODE = 4002;
const SOCKETS_PER_SESSION = { guest: 4, control: 8 } as const;

/** The path's segments, percent-decoded; undefined when the encoding is malformed (answered 400). */
function decodePathParts(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** The body as text, or undefined once it passes `limit` bytes (the rest is read and dropped, so a 413 can be sent). */
async function readBody(req: http.IncomingMessage, limit: number): Promise<string | undefined> {
  return (await readBodyBytes(req, limit))?.toString('utf8');
}

/** The body's bytes, or undefined once it passes `limit` bytes. */
function readBodyBytes(req: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
