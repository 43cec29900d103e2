// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { exchangeOf, truncate } from '../src/devtools/network/model.js';
import { BODY_PREVIEW_CHARS, NetworkPanel } from '../src/devtools/network/NetworkPanel.js';
import type { AppliedRule, HostEvent } from '../src/devtools/protocol.js';

import { batch, call, FakeClient, rule } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);

const policy = rule('network-policy', 'assumed', "ttsim's per-session network policy.");
const mockRule = rule('answered-by-mock', 'assumed', 'A URL mock set by the test answered this call.');
const statusRule = rule('http-status-succeeds', 'inferred', 'Any HTTP answer is a success carrying its statusCode.');

function full(seq: number, api: string, params: Record<string, unknown>, result: Record<string, unknown>, options: { ok?: boolean; rules?: AppliedRule[]; mocked?: boolean } = {}): HostEvent {
  const ok = options.ok ?? true;
  return {
    seq,
    time: Date.UTC(2025, 0, 1, 12, 0, 0),
    type: 'call',
    side: 'host',
    mocked: options.mocked ?? false,
    record: { seq, api, params, startedAt: 0, durationMs: 42, ok, result: result as never, ...(ok ? {} : { errno: result.errno as never }), rules: options.rules ?? [] },
  };
}

const bigBody = 'x'.repeat(BODY_PREVIEW_CHARS + 500);
const fulls: Record<number, HostEvent> = {
  2: full(2, 'request', { url: 'https://api.example.com/photos?page=1', method: 'post', header: { 'content-type': 'application/json' }, data: { page: 1 } }, { errMsg: 'request:ok', statusCode: 201, header: { 'x-trace': 'abc' }, data: { photos: [1, 2] } }, { rules: [statusRule, mockRule], mocked: true }),
  4: full(4, 'downloadFile', { url: 'https://cdn.example.com/a.jpg' }, { errMsg: 'downloadFile:fail no network', errno: 303 }, { ok: false, rules: [policy] }),
  5: full(5, 'uploadFile', { url: 'https://api.example.com/upload', filePath: 'ttfile://temp/a.jpg', name: 'photo' }, { errMsg: 'uploadFile:ok', statusCode: 200, data: bigBody }),
  7: full(7, 'connectSocket', { url: 'wss://ws.example.com/chat' }, { errMsg: 'connectSocket:ok', socketTaskId: 1 }),
};

function setup() {
  const client = new FakeClient({
    event: ({ seq }) => {
      const event = fulls[seq];
      if (!event) throw new Error(`event ${seq} is not kept`);
      return event;
    },
  });
  const events = batch([
    call(1, 'getSystemInfo'),
    call(2, 'request', { rules: ['http-status-succeeds', 'answered-by-mock'] }),
    call(3, 'setStorageSync'),
    call(4, 'downloadFile', { ok: false, errno: 303, rules: ['network-policy'] }),
    call(5, 'uploadFile'),
    call(6, 'compressImage'),
    call(7, 'connectSocket'),
  ]);
  const store = renderPanel(<NetworkPanel />, client, { events });
  return { client, store };
}

const bodyRows = () => within(screen.getByRole('grid', { name: 'Network calls' })).getAllByRole('row').slice(1);

describe('network model', () => {
  it('reads URL, method, status, headers and bodies from a full event', () => {
    expect(exchangeOf(fulls[2]!)).toEqual({
      url: 'https://api.example.com/photos?page=1',
      method: 'POST',
      statusCode: 201,
      requestHeaders: { 'content-type': 'application/json' },
      responseHeaders: { 'x-trace': 'abc' },
      requestBody: { page: 1 },
      responseBody: { photos: [1, 2] },
    });
    expect(exchangeOf(fulls[7]!)).toMatchObject({ method: 'WS', url: 'wss://ws.example.com/chat', responseBody: { socketTaskId: 1 } });
    expect(truncate('abcdef', 4)).toEqual({ text: 'abcd', truncated: true });
  });
});

describe('Network panel', () => {
  it('lists only the network calls, with status, duration and (once fetched) method and URL', async () => {
    const { client } = setup();
    expect(bodyRows().map((r) => r.querySelector('.c-api')?.textContent)).toEqual(['request', 'downloadFile', 'uploadFile', 'connectSocket']);
    expect(screen.getByText('4 network calls')).toBeTruthy();
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain('https://api.example.com/photos?page=1'));
    const [request, download, upload, socket] = bodyRows();
    expect(request!.textContent).toContain('POST');
    expect(request!.querySelector('.c-result')?.textContent).toBe('201');
    expect(request!.textContent).toContain('mock');
    expect(request!.textContent).toContain('1.5 ms');
    expect(download!.querySelector('.c-result')?.textContent).toBe('errno 303');
    expect(download!.textContent).toContain('policy');
    expect(download!.className).toContain('fail');
    await waitFor(() => expect(upload!.querySelector('.c-result')?.textContent).toBe('200'));
    expect(socket!.querySelector('.c-method')?.textContent).toBe('WS');
    expect(client.requests.filter((r) => r.op === 'event').map((r) => (r.params as { seq: number }).seq).sort()).toEqual([2, 4, 5, 7]);
  });

  it('opens a call: URL, method, status, headers, bodies and the rules with provenance, where the answer came from first', async () => {
    setup();
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain('https://api.example.com'));
    fireEvent.click(bodyRows()[0]!);
    const details = screen.getByRole('region', { name: 'Network call details' });
    await waitFor(() => expect(within(details).getByText('https://api.example.com/photos?page=1')).toBeTruthy());
    expect(within(details).getByText('POST')).toBeTruthy();
    expect(within(details).getAllByText('201')).toHaveLength(2);
    expect(within(details).getByLabelText('Request headers').textContent).toContain('content-typeapplication/json');
    expect(within(details).getByLabelText('Response headers').textContent).toContain('x-traceabc');
    expect(within(details).getByLabelText('Request body').textContent).toContain('"page": 1');
    expect(within(details).getByLabelText('Response body').textContent).toContain('"photos"');
    expect(within(details).getByText(/by a mock/)).toBeTruthy();
    const rules = within(details).getAllByRole('listitem');
    expect(rules.map((li) => li.querySelector('code')?.textContent)).toEqual(['answered-by-mock', 'http-status-succeeds']);
    expect(within(rules[0]!).getByText('assumed')).toBeTruthy();
    expect(within(rules[1]!).getByText('inferred')).toBeTruthy();
    fireEvent.click(within(details).getByRole('button', { name: 'Close network call details' }));
    expect(screen.queryByRole('region', { name: 'Network call details' })).toBeNull();
  });

  it('cuts a long body, with Show all', async () => {
    setup();
    fireEvent.click(bodyRows()[2]!);
    const details = screen.getByRole('region', { name: 'Network call details' });
    const body = await within(details).findByLabelText('Response body');
    expect(body.textContent).toHaveLength(BODY_PREVIEW_CHARS + 1);
    fireEvent.click(within(details).getByRole('button', { name: /Show all/ }));
    expect(within(details).getByLabelText('Response body').textContent).toHaveLength(bigBody.length);
    expect(within(details).getByLabelText('Request body').textContent).toContain('ttfile://temp/a.jpg');
  });

  it('filters by URL', async () => {
    setup();
    await waitFor(() => expect(bodyRows()[3]!.textContent).toContain('wss://'));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter network calls' }), { target: { value: 'cdn.example' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]!.textContent).toContain('downloadFile');
    expect(screen.getByText('1 of 4 network calls')).toBeTruthy();
  });
});
