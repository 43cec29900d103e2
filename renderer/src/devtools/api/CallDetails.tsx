/** An opened call: its full record (params, result) and each applied rule's text, provenance and source. */
import { formatDuration, formatTime, showValue } from '../format.js';
import { RuleItem } from '../Provenance.js';
import type { CallEvent, HostEvent } from '../protocol.js';
import { resultText } from './CallLog.js';

export interface CallDetailsProps {
  /** The summary from the log (shown while the full event loads). */
  readonly summary: CallEvent | undefined;
  readonly event: HostEvent | undefined;
  readonly error: string | undefined;
  readonly onClose: () => void;
  readonly onMock: (api: string) => void;
}

export function CallDetails({ summary, event, error, onClose, onMock }: CallDetailsProps) {
  const call = event?.type === 'call' ? event : undefined;
  const api = call?.record.api ?? summary?.record.api ?? '';
  return (
    <section className="details" aria-label="Call details">
      <header className="details-head">
        <h3>
          {api || 'Call'} {summary && <span className="muted">#{summary.record.seq}</span>}
        </h3>
        {summary && (
          <span className={`result-pill ${summary.record.ok ? 'ok' : 'fail'}`}>{resultText(summary)}</span>
        )}
        <span className="spacer" />
        {api && (
          <button type="button" onClick={() => onMock(api)}>
            Mock {api}…
          </button>
        )}
        <button type="button" aria-label="Close call details" onClick={onClose}>
          ✕
        </button>
      </header>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : !call ? (
        <p className="hint">Loading the full call…</p>
      ) : (
        <div className="details-body">
          <dl className="facts">
            <dt>Time</dt>
            <dd>{formatTime(call.time)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(call.record.durationMs)}</dd>
            <dt>Ran</dt>
            <dd>
              {call.side === 'guest' ? 'in the guest' : 'on the host'}
              {call.mocked ? ' · mocked' : ''}
              {call.notEmulated ? ' · not emulated' : ''}
            </dd>
            <dt>errMsg</dt>
            <dd>
              <code>{call.record.result.errMsg}</code>
              {call.record.errno !== undefined && <> · errno {call.record.errno}</>}
            </dd>
          </dl>
          <h4>Params</h4>
          <pre className="json" aria-label="Params">
            {showValue(call.record.params)}
          </pre>
          <h4>Result</h4>
          <pre className="json" aria-label="Result">
            {showValue(call.record.result)}
          </pre>
          <h4>Rules applied ({call.record.rules.length})</h4>
          {call.record.rules.length === 0 ? (
            <p className="hint">No behaviour rule of this API shaped this call.</p>
          ) : (
            <ul className="rule-list">
              {call.record.rules.map((rule) => (
                <RuleItem key={rule.id} rule={rule} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
