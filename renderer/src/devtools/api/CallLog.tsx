/** The API tab's log: one fixed-height row per call (time, API, result, duration, rules with provenance). */
import { memo } from 'react';
import { formatDuration, formatTime } from '../format.js';
import { ProvenanceBadge } from '../Provenance.js';
import type { AppliedRule, CallEvent } from '../protocol.js';
import { callRules } from '../store.js';
import { selectByKeys, VirtualList } from '../VirtualList.js';

export const CALL_ROW_PX = 26;

export interface CallLogProps {
  readonly calls: readonly CallEvent[];
  readonly rules: Readonly<Record<string, AppliedRule>>;
  readonly selected: number | undefined;
  readonly onSelect: (seq: number | undefined) => void;
}

export function resultText(call: CallEvent): string {
  if (call.record.ok) return 'ok';
  return call.record.errno === undefined ? 'fail' : `errno ${call.record.errno}`;
}

/** Memoised: a keystroke in the search box re-renders the panel at once, and the log only when its calls change. */
export const CallLog = memo(function CallLog({ calls, rules, selected, onSelect }: CallLogProps) {
  const onKeyDown = selectByKeys(calls, selected, onSelect);
  return (
    <VirtualList
      className="call-log"
      label="API calls"
      items={calls}
      rowHeight={CALL_ROW_PX}
      rowKey={(call) => call.seq}
      follow
      onKeyDown={onKeyDown}
      activeIndex={selected === undefined ? undefined : calls.findIndex((c) => c.seq === selected)}
      empty={<p className="hint">No calls yet: the gadget's tt.* calls show up here as it makes them.</p>}
      header={
        <div role="row" className="call-row head" aria-rowindex={1}>
          <span role="columnheader">Time</span>
          <span role="columnheader">API</span>
          <span role="columnheader">Result</span>
          <span role="columnheader">Duration</span>
          <span role="columnheader">Rules (provenance)</span>
        </div>
      }
      renderRow={(call, index) => {
        const { record } = call;
        const isSelected = call.seq === selected;
        return (
          <div
            role="row"
            aria-rowindex={index + 2}
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={`call-row ${record.ok ? 'ok' : 'fail'}${isSelected ? ' selected' : ''}`}
            onClick={() => onSelect(isSelected ? undefined : call.seq)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(isSelected ? undefined : call.seq);
              }
            }}
            title={`${record.api} → ${record.errMsg}`}
          >
            <span role="gridcell" className="c-time">{formatTime(call.time)}</span>
            <span role="gridcell" className="c-api">
              <span className="side" title={call.side === 'guest' ? 'ran in the guest' : 'ran on the host'} aria-hidden="true">
                {call.side === 'guest' ? '◇' : '◆'}
              </span>
              {record.api}
              {call.mocked && <span className="tag tag-mock">mock</span>}
              {call.notEmulated && <span className="tag tag-stub">not emulated</span>}
            </span>
            <span role="gridcell" className="c-result">{resultText(call)}</span>
            <span role="gridcell" className="c-dur">{formatDuration(record.durationMs)}</span>
            <span role="gridcell" className="c-rules">
              {callRules(call, rules).map((rule) => (
                <span key={rule.id} className="rule" title={rule.text}>
                  {rule.id}
                  <ProvenanceBadge kind={rule.provenance?.kind} {...(rule.provenance ? { source: rule.provenance.source } : {})} />
                </span>
              ))}
            </span>
          </div>
        );
      }}
    />
  );
});
