/**
 * The plain simulator page's script: shows the session's event stream (API calls with their rule and
 * provenance, guest console, errors) next to the device. The React devtools UI replaces it later.
 */
import type { AppliedRule } from '../../../emulator-api/src/common/call.js';
import { WindowedLog, type LogLine } from './windowed-log.js';
import type { ControlToHost, DevtoolsEvent, HostToControl } from '../../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION } from '../../../emulator-api/src/protocol/version.js';
import { EVENTS_KEPT, shellRuleKey } from '../../../emulator-api/src/protocol/wire.js';

const config = (window as unknown as { __TTSIM_SHELL__: { sessionId: string } }).__TTSIM_SHELL__;
const token = new URLSearchParams(location.search).get('token') ?? '';

/** The rules the host has described so far, by shellRuleKey. */
const rules = new Map<string, AppliedRule>();

function line(event: DevtoolsEvent): LogLine | undefined {
  const time = new Date(event.time).toISOString().slice(11, 23);
  if (event.type === 'call') {
    const { record } = event;
    const applied = record.rules.map((id) => `${id} (${rules.get(shellRuleKey(record.api, id))?.provenance.kind ?? '?'})`).join(', ');
    return {
      className: record.ok ? 'ok' : 'fail',
      text: `${time} ${event.side === 'guest' ? '◇' : '◆'} ${record.api} → ${record.errMsg}${record.errno ? ` [errno ${record.errno}]` : ''} ${record.durationMs.toFixed(1)} ms${event.mocked ? ' (mocked)' : ''}${applied ? ` · rules: ${applied}` : ''}`,
    };
  }
  if (event.type === 'console') return { className: event.level === 'error' ? 'err' : 'console', text: `${time} console.${event.level} ${event.args.join(' ')}` };
  if (event.type === 'guest') {
    const e = event.event;
    if (e.kind === 'render') return undefined;
    return { className: e.kind === 'error' ? 'err' : 'console', text: `${time} ${e.kind} ${JSON.stringify({ ...e, kind: undefined })}` };
  }
  return { className: 'console', text: `${time} session ${event.what}` };
}

/** As many lines as the host keeps; only the rows in view are drawn. */
const log = new WindowedLog(document.getElementById('log')!, EVENTS_KEPT);

const url = new URL(`/s/${config.sessionId}/ws?token=${encodeURIComponent(token)}`, location.href);
url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
const socket = new WebSocket(url);
socket.addEventListener('open', () => socket.send(JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' } satisfies ControlToHost)));
socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as HostToControl;
  if (data.t === 'refused') return log.append([{ className: 'err', text: `ttsim refused this page: ${data.reason}` }]);
  if (data.t !== 'events') return;
  for (const [key, rule] of Object.entries(data.rules)) rules.set(key, rule);
  log.append(data.events.map(line).filter((l) => l !== undefined));
});
