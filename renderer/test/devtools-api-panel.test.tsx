// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { shellRuleKey } from '../../emulator-api/src/protocol/wire.js';
import { ApiPanel } from '../src/devtools/api/ApiPanel.js';

import type { HostEvent } from '../src/devtools/protocol.js';

import { batch, call, FakeClient, rule } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);

const apis = ['getStorageSync', 'setStorageSync', 'request', 'getLocation', 'compressImage'];
const rules = {
  [shellRuleKey('getLocation', 'no-gps')]: rule('no-gps', 'assumed', 'The simulator has no GPS: it answers the configured location.'),
  [shellRuleKey('compressImage', 'quality-default')]: rule('quality-default', 'documented', 'quality defaults to 80.'),
};

function tenThousandCalls() {
  return Array.from({ length: 10_000 }, (_, i) => {
    const api = apis[i % apis.length]!;
    return call(i + 1, api, {
      ok: i % 7 !== 0,
      rules: api === 'getLocation' ? ['no-gps'] : api === 'compressImage' ? ['quality-default'] : [],
    });
  });
}

function full(seq: number): HostEvent {
  return {
    seq,
    time: 1,
    type: 'call',
    side: 'host',
    mocked: false,
    record: {
      seq,
      api: 'getLocation',
      params: { type: 'wgs84' },
      startedAt: 1,
      durationMs: 2,
      ok: true,
      result: { errMsg: 'getLocation:ok', latitude: 39.9 } as never,
      rules: [rule('no-gps', 'assumed', 'The simulator has no GPS: it answers the configured location.')],
    },
  };
}

function setup() {
  const client = new FakeClient({ event: ({ seq }) => full(seq), mock: () => null, restore: () => null });
  const store = renderPanel(<ApiPanel />, client, { events: batch(tenThousandCalls(), rules) });
  return { store, client };
}

const bodyRows = () => within(screen.getByRole('grid', { name: 'API calls' })).getAllByRole('row').filter((r) => !r.classList.contains('head'));

describe('API panel', () => {
  it('draws only the rows in view of 10,000 calls', () => {
    setup();
    const grid = screen.getByRole('grid', { name: 'API calls' });
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(80);
    expect(screen.getByText('10000 calls')).toBeTruthy();
  });

  it('shows time, API, result, duration and rules with their provenance', () => {
    const { store } = setup();
    act(() => store.getState().setApiFilter({ api: 'getLocation', result: 'fail' }));
    const row = bodyRows()[0]!;
    const cells = within(row).getAllByRole('gridcell');
    expect(cells[1]?.textContent).toContain('getLocation');
    expect(cells[2]?.textContent).toBe('errno 1001');
    expect(cells[3]?.textContent).toBe('1.5 ms');
    expect(cells[4]?.textContent).toContain('no-gps');
    expect(within(cells[4]!).getByText('assumed').className).toContain('prov-assumed');
  });

  it('filters by text, result and provenance', () => {
    setup();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search calls' }), { target: { value: 'getlocation' } });
    expect(screen.getByText('2000 of 10000 calls')).toBeTruthy();
    expect(bodyRows().every((r) => r.textContent?.includes('getLocation'))).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Result' }), { target: { value: 'ok' } });
    expect(bodyRows().every((r) => r.textContent?.includes('ok'))).toBe(true);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search calls' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Result' }), { target: { value: 'all' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Provenance' }), { target: { value: 'documented' } });
    expect(screen.getByText('2000 of 10000 calls')).toBeTruthy();
    expect(bodyRows().every((r) => r.textContent?.includes('compressImage'))).toBe(true);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search calls' }), { target: { value: 'no such api' } });
    expect(screen.getByText('0 of 10000 calls')).toBeTruthy();
  });

  it('opens a call: fetches its full event and shows params, result and each rule with text, provenance and source', async () => {
    const { client } = setup();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search calls' }), { target: { value: 'getLocation' } });
    const row = bodyRows()[0]!;
    fireEvent.click(row);
    const details = await screen.findByRole('region', { name: 'Call details' });
    await waitFor(() => expect(within(details).getByLabelText('Params').textContent).toContain('wgs84'));
    // The log follows its end, so the first row drawn is one of the last getLocation calls (every fifth, from seq 4).
    const asked = client.requests.find((r) => r.op === 'event') as { op: 'event'; params: { seq: number } };
    expect(asked.params.seq % 5).toBe(4);
    expect(asked.params.seq).toBeGreaterThan(9000);
    expect(within(details).getByLabelText('Result').textContent).toContain('39.9');
    expect(within(details).getByText('The simulator has no GPS: it answers the configured location.')).toBeTruthy();
    expect(within(details).getByText('Source: why no-gps')).toBeTruthy();
    expect(bodyRows()[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(details).getByRole('button', { name: 'Close call details' }));
    expect(screen.queryByRole('region', { name: 'Call details' })).toBeNull();
  });

  it('mocks an API with a JSON answer and clears the mock', async () => {
    const { client } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Mock…' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'API to mock' }), { target: { value: 'getLocation' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Mock answer/ }), { target: { value: '{"errno": 1, "errMsg": "no"' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set mock' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('not JSON'));
    fireEvent.change(screen.getByRole('textbox', { name: /Mock answer/ }), { target: { value: '{"latitude": 1, "longitude": 2}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set mock' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('getLocation is mocked'));
    expect(client.requests.find((r) => r.op === 'mock')?.params).toEqual({ api: 'getLocation', answer: { latitude: 1, longitude: 2 } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear mock' }));
    await waitFor(() => expect(client.ops()).toContain('restore'));
    expect(client.requests.find((r) => r.op === 'restore')?.params).toEqual({ api: 'getLocation' });
  });
});
