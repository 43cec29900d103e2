/**
 * The Network tab: the request / uploadFile / downloadFile / connectSocket calls of the log. A row shows the
 * summary (status, duration) at once and the URL and method once its full event is fetched (as it comes
 * into view); an opened row shows the exchange: URL, method, status, headers, bodies (cut, with Show all)
 * and the rules applied, the network policy and URL mocks first, each with its provenance.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useDevtoolsContext } from '../actions.js';
import { SearchField } from '../Field.js';
import { formatDuration, formatTime, showValue } from '../format.js';
import { RuleItem } from '../Provenance.js';
import type { AppliedRule, CallEvent } from '../protocol.js';
import { useDevtools } from '../store.js';
import { selectByKeys, VirtualList } from '../VirtualList.js';
import { loadNetDetail, selectNetCall } from './actions.js';
import { exchangeOf, networkCalls, NETWORK_RULES, statusText, truncate, type Detail } from './model.js';

export const NET_ROW_PX = 26;
/** How much of a body the details show before Show all. */
export const BODY_PREVIEW_CHARS = 4_000;

function Row({ call, index, selected, detail }: { readonly call: CallEvent; readonly index: number; readonly selected: boolean; readonly detail: Detail | undefined }) {
  const devtools = useDevtoolsContext();
  useEffect(() => {
    if (!detail) void loadNetDetail(devtools, call.seq);
  }, [devtools, call.seq, detail]);
  const exchange = detail && !('error' in detail) ? exchangeOf(detail) : undefined;
  const { record } = call;
  const mocked = call.mocked || record.rules.includes('answered-by-mock');
  const policy = record.rules.includes('network-policy');
  const toggle = () => selectNetCall(devtools, selected ? undefined : call.seq);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={`net-row ${record.ok ? 'ok' : 'fail'}${selected ? ' selected' : ''}`}
      onClick={toggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle();
        }
      }}
      title={exchange?.url ? `${exchange.method} ${exchange.url} → ${record.errMsg}` : record.errMsg}
    >
      <span role="gridcell" className="c-time">{formatTime(call.time)}</span>
      <span role="gridcell" className="c-api">{record.api}</span>
      <span role="gridcell" className="c-method">{exchange?.method ?? ''}</span>
      <span role="gridcell" className="c-url">
        {exchange?.url ?? (detail && 'error' in detail ? '(not kept)' : '…')}
        {mocked && <span className="tag tag-mock">mock</span>}
        {policy && <span className="tag tag-stub">policy</span>}
      </span>
      <span role="gridcell" className="c-result">{statusText(call, detail)}</span>
      <span role="gridcell" className="c-dur">{formatDuration(record.durationMs)}</span>
    </div>
  );
}

function Body({ label, value }: { readonly label: string; readonly value: unknown }) {
  const [all, setAll] = useState(false);
  const text = typeof value === 'string' ? value : showValue(value);
  const shown = all ? { text, truncated: false } : truncate(text, BODY_PREVIEW_CHARS);
  return (
    <>
      <h4>{label}</h4>
      <pre className="json" aria-label={label}>
        {shown.text}
        {shown.truncated && '…'}
      </pre>
      {shown.truncated && (
        <button type="button" className="small" onClick={() => setAll(true)}>
          Show all ({text.length.toLocaleString()} characters)
        </button>
      )}
    </>
  );
}

function Headers({ label, value }: { readonly label: string; readonly value: unknown }) {
  const entries = typeof value === 'object' && value !== null ? Object.entries(value as Record<string, unknown>) : [];
  return (
    <>
      <h4>{label}</h4>
      {entries.length === 0 ? (
        <p className="hint">none</p>
      ) : (
        <dl className="facts headers" aria-label={label}>
          {entries.map(([name, v]) => (
            <div key={name} className="header-pair">
              <dt>{name}</dt>
              <dd>{String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** The applied rules, the ones about where the answer came from first. */
const orderRules = (rules: readonly AppliedRule[]): AppliedRule[] => [...rules.filter((r) => NETWORK_RULES.includes(r.id)), ...rules.filter((r) => !NETWORK_RULES.includes(r.id))];

function NetDetails({ call, detail }: { readonly call: CallEvent | undefined; readonly detail: Detail | undefined }) {
  const devtools = useDevtoolsContext();
  const full = detail && !('error' in detail) && detail.type === 'call' ? detail : undefined;
  const exchange = full ? exchangeOf(full) : undefined;
  return (
    <section className="details" aria-label="Network call details">
      <header className="details-head">
        <h3>
          {call?.record.api ?? 'Call'} {call && <span className="muted">#{call.record.seq}</span>}
        </h3>
        {call && <span className={`result-pill ${call.record.ok ? 'ok' : 'fail'}`}>{statusText(call, detail)}</span>}
        <span className="spacer" />
        <button type="button" aria-label="Close network call details" onClick={() => selectNetCall(devtools, undefined)}>
          ✕
        </button>
      </header>
      {detail && 'error' in detail ? (
        <p role="alert" className="error-text">
          {detail.error}
        </p>
      ) : !full || !exchange ? (
        <p className="hint">Loading the full call…</p>
      ) : (
        <div className="details-body">
          <dl className="facts">
            <dt>URL</dt>
            <dd>
              <code>{exchange.url ?? '—'}</code>
            </dd>
            <dt>Method</dt>
            <dd>{exchange.method}</dd>
            <dt>Status</dt>
            <dd>{exchange.statusCode ?? (full.record.ok ? '—' : `errno ${full.record.errno ?? '?'}`)}</dd>
            <dt>errMsg</dt>
            <dd>
              <code>{full.record.result.errMsg}</code>
            </dd>
            <dt>Time</dt>
            <dd>
              {formatTime(full.time)} · {formatDuration(full.record.durationMs)}
            </dd>
            <dt>Answered</dt>
            <dd>{full.mocked || full.record.rules.some((r) => r.id === 'answered-by-mock') ? 'by a mock (it never reached the network)' : full.record.ok ? 'by the network' : 'with a fail'}</dd>
          </dl>
          <Headers label="Request headers" value={exchange.requestHeaders} />
          {exchange.requestBody !== undefined && <Body label="Request body" value={exchange.requestBody} />}
          {exchange.responseHeaders !== undefined && <Headers label="Response headers" value={exchange.responseHeaders} />}
          {exchange.responseBody !== undefined && <Body label="Response body" value={exchange.responseBody} />}
          <h4>Rules applied ({full.record.rules.length})</h4>
          {full.record.rules.length === 0 ? (
            <p className="hint">No behaviour rule shaped this call.</p>
          ) : (
            <ul className="rule-list">
              {orderRules(full.record.rules).map((rule) => (
                <RuleItem key={rule.id} rule={rule} highlighted={NETWORK_RULES.includes(rule.id)} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

export function NetworkPanel() {
  const devtools = useDevtoolsContext();
  const events = useDevtools((s) => s.log.events);
  const { selected, details } = useDevtools((s) => s.net);
  const [text, setText] = useState('');
  const needle = useDeferredValue(text.trim().toLowerCase());
  const all = useMemo(() => networkCalls(events), [events]);
  const calls = useMemo(() => {
    if (!needle) return all;
    return all.filter((call) => {
      const detail = details[call.seq];
      const url = detail && !('error' in detail) ? (exchangeOf(detail)?.url ?? '') : '';
      return call.record.api.toLowerCase().includes(needle) || call.record.errMsg.toLowerCase().includes(needle) || url.toLowerCase().includes(needle);
    });
  }, [all, details, needle]);
  const selectedCall = selected === undefined ? undefined : all.find((c) => c.seq === selected);
  const onKeyDown = selectByKeys(calls, selected, (seq) => selectNetCall(devtools, seq));

  return (
    <div className="network-panel">
      <div className="filter-bar">
        <SearchField label="Filter network calls" placeholder="Filter by URL, API, errMsg…" value={text} onChange={setText} />
        <span className="muted count" aria-live="polite">
          {calls.length === all.length ? `${all.length} network calls` : `${calls.length} of ${all.length} network calls`}
        </span>
      </div>
      <VirtualList
        className="net-log"
        label="Network calls"
        items={calls}
        rowHeight={NET_ROW_PX}
        rowKey={(call) => call.seq}
        follow
        onKeyDown={onKeyDown}
        activeIndex={selected === undefined ? undefined : calls.findIndex((c) => c.seq === selected)}
        empty={<p className="hint">No network calls yet: tt.request, uploadFile, downloadFile and connectSocket show up here.</p>}
        header={
          <div role="row" className="net-row head" aria-rowindex={1}>
            <span role="columnheader">Time</span>
            <span role="columnheader">API</span>
            <span role="columnheader">Method</span>
            <span role="columnheader">URL</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Duration</span>
          </div>
        }
        renderRow={(call, index) => <Row call={call} index={index} selected={call.seq === selected} detail={details[call.seq]} />}
      />
      {selected !== undefined && <NetDetails call={selectedCall} detail={details[selected]} />}
    </div>
  );
}
