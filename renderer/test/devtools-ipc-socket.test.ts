import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../emulator-api/src/protocol/version.js';
import { electronBridge, ipcSocket, type TtsimHostBridge } from '../src/devtools/ipc-socket.js';
import { ProtocolClient } from '../src/devtools/protocol-client.js';

describe('the devtools over the Electron window\'s bridge', () => {
  it('says hello over IPC, gets the welcome and answers requests', async () => {
    const sent: string[] = [];
    let deliver: (json: string) => void = () => undefined;
    const bridge: TtsimHostBridge = { send: (json) => sent.push(json), onMessage: (listener) => (deliver = listener) };
    const client = new ProtocolClient(ipcSocket(bridge));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(JSON.parse(sent[0]!)).toEqual({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' });
    deliver(JSON.stringify({ t: 'welcome', protocol: PROTOCOL_VERSION, sessionId: 's1' }));
    const answer = client.request('pickerSamples', {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    const request = JSON.parse(sent.at(-1)!) as { id: number; op: string };
    expect(request.op).toBe('pickerSamples');
    deliver(JSON.stringify({ t: 'reply', id: request.id, ok: true, value: [] }));
    await expect(answer).resolves.toEqual([]);
  });

  it('is used only where the preload put a complete bridge', () => {
    expect(electronBridge({})).toBeUndefined();
    expect(electronBridge({ ttsimHost: { send: () => undefined } })).toBeUndefined();
    expect(electronBridge({ ttsimHost: { send: () => undefined, onMessage: () => undefined } })).toBeDefined();
  });
});
