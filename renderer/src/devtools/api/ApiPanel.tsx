/** The API tab: filters, the virtualised call log, the opened call's details and the mock form. */
import { useCallback, useMemo } from 'react';
import { expandCall, useDevtoolsContext } from '../actions.js';
import { SearchField, SelectField } from '../Field.js';
import type { CallEvent } from '../protocol.js';
import { apiNames, filterCalls, useDevtools, type ProvenanceFilter, type ResultFilter } from '../store.js';
import { CallDetails } from './CallDetails.js';
import { CallLog } from './CallLog.js';
import { MockControl, MockedList } from './MockControl.js';

const resultOptions = [
  ['all', 'All'],
  ['ok', 'ok'],
  ['fail', 'fail'],
] as const satisfies readonly (readonly [ResultFilter, string])[];
const provenanceOptions = [
  ['all', 'All'],
  ['documented', 'documented'],
  ['inferred', 'inferred'],
  ['assumed', 'assumed'],
] as const satisfies readonly (readonly [ProvenanceFilter, string])[];

export function ApiPanel() {
  const devtools = useDevtoolsContext();
  const events = useDevtools((s) => s.log.events);
  const rules = useDevtools((s) => s.log.rules);
  const callCount = useDevtools((s) => s.log.callCount);
  const filter = useDevtools((s) => s.apiFilter);
  const expandedSeq = useDevtools((s) => s.ui.expandedSeq);
  const expandedEvent = useDevtools((s) => s.ui.expandedEvent);
  const expandedError = useDevtools((s) => s.ui.expandedError);
  const mockOpen = useDevtools((s) => s.ui.mock.open);
  const { setApiFilter, clearLog, updateUi } = devtools.store.getState();
  // Filtered at once, keystrokes too: 10,000 calls are matched in a few milliseconds (each call's search text
  // is lower-cased once) and the log draws only the rows in view; deferring it cost a second render.
  const calls = useMemo(() => filterCalls(events, filter, rules), [events, filter, rules]);
  const apis = useMemo(() => apiNames(events), [events]);
  const summary = useMemo(
    () => (expandedSeq === undefined ? undefined : events.find((e): e is CallEvent => e.seq === expandedSeq && e.type === 'call')),
    [events, expandedSeq],
  );
  const onSelect = useCallback((seq: number | undefined) => void expandCall(devtools, seq), [devtools]);
  const openMock = (api: string) => updateUi((u) => ({ ...u, mock: { ...u.mock, open: true, api } }));

  return (
    <div className="api-panel">
      <div className="filter-bar">
        <SearchField label="Search calls" placeholder="Search API, errMsg, errno, rule…" value={filter.text} onChange={(text) => setApiFilter({ text })} />
        <span className="muted count" aria-live="polite">
          {calls.length === callCount ? `${callCount} calls` : `${calls.length} of ${callCount} calls`}
        </span>
        <span className="spacer" />
        <button type="button" aria-expanded={mockOpen} onClick={() => updateUi((u) => ({ ...u, mock: { ...u.mock, open: !u.mock.open, api: u.mock.api || filter.api || summary?.record.api || '' } }))}>
          Mock…
        </button>
        <button type="button" onClick={clearLog}>
          Clear log
        </button>
      </div>
      <div className="filter-bar secondary">
        <SelectField label="Result" value={filter.result} options={resultOptions} onChange={(result) => setApiFilter({ result })} />
        <SelectField label="Provenance" value={filter.provenance} options={provenanceOptions} onChange={(provenance) => setApiFilter({ provenance })} />
        <SelectField
          label="API"
          value={filter.api}
          options={[['', 'All APIs'], ...apis.map((api) => [api, api] as const)]}
          onChange={(api) => setApiFilter({ api })}
        />
      </div>
      {mockOpen && <MockControl apis={apis} />}
      <MockedList />
      <CallLog calls={calls} rules={rules} selected={expandedSeq} onSelect={onSelect} />
      {expandedSeq !== undefined && (
        <CallDetails
          summary={summary}
          event={expandedEvent}
          error={expandedError}
          onClose={() => void expandCall(devtools, undefined)}
          onMock={openMock}
        />
      )}
    </div>
  );
}
