/** The Console tab: the guest's console calls and its events, uncaught errors first-class (red, file:line, stack). */
import { useDeferredValue, useMemo } from 'react';
import { SearchField, SelectField } from '../Field.js';
import { formatTime } from '../format.js';
import { consoleLines, useDevtools, useDevtoolsStore, type ConsoleFilter, type ConsoleLine } from '../store.js';
import { VirtualList } from '../VirtualList.js';

export const CONSOLE_ROW_PX = 24;

const levelOptions = [
  ['all', 'All levels'],
  ['error', 'Errors'],
  ['warn', 'Warnings'],
  ['info', 'Info'],
  ['log', 'Log'],
  ['debug', 'Debug'],
] as const satisfies readonly (readonly [ConsoleFilter, string])[];

function LineDetails({ line, onClose }: { readonly line: ConsoleLine; readonly onClose: () => void }) {
  return (
    <section className="details" aria-label="Console entry">
      <header className="details-head">
        <span className={`level level-${line.level}`}>{line.level}</span>
        <h3>{line.kind === 'error' ? 'Uncaught error' : line.kind}</h3>
        <span className="muted">{formatTime(line.time)}</span>
        {line.source && <code className="source-ref">{line.source}</code>}
        <span className="spacer" />
        <button type="button" aria-label="Close console entry" onClick={onClose}>
          ✕
        </button>
      </header>
      <pre className={`console-text level-${line.level}`}>{line.text}</pre>
      {line.stack && (
        <>
          <h4>Stack</h4>
          <pre className="console-text stack">{line.stack}</pre>
        </>
      )}
    </section>
  );
}

export function ConsolePanel() {
  const store = useDevtoolsStore();
  const events = useDevtools((s) => s.log.events);
  const level = useDevtools((s) => s.ui.consoleLevel);
  const text = useDevtools((s) => s.ui.consoleText);
  const selected = useDevtools((s) => s.ui.consoleSelected);
  const errorCount = useDevtools((s) => s.log.errorCount);
  const deferredText = useDeferredValue(text);
  const lines = useMemo(() => consoleLines(events, level, deferredText), [events, level, deferredText]);
  const open = useMemo(() => (selected === undefined ? undefined : lines.find((l) => l.seq === selected)), [lines, selected]);
  const { updateUi, clearLog } = store.getState();
  const select = (seq: number | undefined) =>
    updateUi((ui) => {
      const { consoleSelected: _s, ...rest } = ui;
      return seq === undefined ? rest : { ...rest, consoleSelected: seq };
    });

  return (
    <div className="console-panel">
      <div className="filter-bar">
        <SearchField label="Filter console" placeholder="Filter console…" value={text} onChange={(consoleText) => updateUi((ui) => ({ ...ui, consoleText }))} />
        <SelectField label="Level" value={level} options={levelOptions} onChange={(consoleLevel) => updateUi((ui) => ({ ...ui, consoleLevel }))} />
        <span className="muted count">
          {lines.length} {lines.length === 1 ? 'entry' : 'entries'}
          {errorCount > 0 && <span className="error-text"> · {errorCount} {errorCount === 1 ? 'error' : 'errors'}</span>}
        </span>
        <span className="spacer" />
        <button type="button" onClick={clearLog}>
          Clear log
        </button>
      </div>
      <VirtualList
        className="console-log"
        label="Console"
        items={lines}
        rowHeight={CONSOLE_ROW_PX}
        rowKey={(line) => line.seq}
        follow
        activeIndex={selected === undefined ? undefined : lines.findIndex((l) => l.seq === selected)}
        empty={<p className="hint">Nothing logged yet.</p>}
        renderRow={(line, index) => {
          const isSelected = line.seq === selected;
          return (
            <div
              role="row"
              aria-rowindex={index + 1}
              aria-selected={isSelected}
              tabIndex={isSelected ? 0 : -1}
              className={`console-row level-${line.level} kind-${line.kind}${isSelected ? ' selected' : ''}`}
              onClick={() => select(isSelected ? undefined : line.seq)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  select(isSelected ? undefined : line.seq);
                }
              }}
              title={line.text}
            >
              <span role="gridcell" className="c-time">{formatTime(line.time)}</span>
              <span role="gridcell" className="c-level">
                <span className={`level level-${line.level}`}>{line.kind === 'console' ? line.level : line.kind}</span>
              </span>
              <span role="gridcell" className="c-text">{line.text}</span>
              <span role="gridcell" className="c-source">{line.source ?? ''}</span>
            </div>
          );
        }}
      />
      {open && <LineDetails line={open} onClose={() => select(undefined)} />}
    </div>
  );
}
