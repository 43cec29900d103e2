/**
 * The plain simulator page's script: shows the session's event stream (API calls with their rule and
 * provenance, guest console, errors) next to the device. The React devtools UI replaces it later.
 */
import type { HostEvent, HostToShell } from '../../../main/src/common/protocol.js';

const config = (window as unknown as { __TTSIM_SHELL__: { sessionId: string } }).__TTSIM_SHELL__;
const token = new URLSearchParams(location.search).get('token') ?? '';
const log = document.getElementById('log')!;

function line(event: HostEvent): HTMLElement | undefined {
  const div = document.createElement('div');
  const time = new Date(event.time).toISOString().slice(11, 23);
  if (event.type === 'call') {
    const { record } = event;
    const rules = record.rules.map((r) => `${r.id} (${r.provenance.kind})`).join(', ');
    div.className = record.ok ? 'ok' : 'fail';
    div.textContent = `${time} ${event.side === 'guest' ? '◇' : '◆'} ${record.api} → ${record.result.errMsg}${record.errno ? ` [errno ${record.errno}]` : ''} ${record.durationMs.toFixed(1)} ms${event.mocked ? ' (mocked)' : ''}${rules ? `\n    rules: ${rules}` : ''}`;
  } else if (event.type === 'console') {
    div.className = event.level === 'error' ? 'err' : 'console';
    div.textContent = `${time} console.${event.level} ${event.args.join(' ')}`;
  } else if (event.type === 'guest') {
    const e = event.event;
    if (e.kind === 'render') return undefined;
    div.className = e.kind === 'error' ? 'err' : 'console';
    div.textContent = `${time} ${e.kind} ${JSON.stringify({ ...e, kind: undefined })}`;
  } else {
    div.className = 'console';
    div.textContent = `${time} session ${event.what}`;
  }
  return div;
}

/** Lines shown at most; older ones are dropped (the full stream stays on the host). */
const MAX_LINES = 500;
const pending: HostEvent[] = [];
let scheduled = false;

/**
 * Draws at most five times a second: the log is for people, and drawing it every frame competes with the
 * guest for the browser's main thread (it doubled the bridge's p99 in bench/bridge.mjs).
 */
const DRAW_INTERVAL_MS = 200;
function flush(): void {
  scheduled = false;
  const fragment = document.createDocumentFragment();
  for (const event of pending.splice(0).slice(-MAX_LINES)) {
    const div = line(event);
    if (div) fragment.append(div);
  }
  log.append(fragment);
  while (log.childElementCount > MAX_LINES) log.firstElementChild!.remove();
  log.scrollTop = log.scrollHeight;
}

const url = new URL(`/s/${config.sessionId}/ws?token=${encodeURIComponent(token)}`, location.href);
url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
const socket = new WebSocket(url);
socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as HostToShell;
  pending.push(...data.events);
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => requestAnimationFrame(flush), DRAW_INTERVAL_MS);
  }
});
