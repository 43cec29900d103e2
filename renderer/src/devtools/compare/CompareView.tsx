/**
 * The live compare: the same gadget under 2–4 profiles side by side, each in its device frame with its
 * profile's label and what was replayed in it, and one log that lines up the n-th call of each API across
 * the profiles and marks the rows whose results differ (outcome, errno, output format and size), with each
 * call's rules and their provenance.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { ClientContext, useDevtoolsContext, type Devtools } from '../actions.js';
import { PickerDialog } from '../PickerDialog.js';
import { ProvenanceBadge } from '../Provenance.js';
import { deviceFrame, statusStyle, statusTime } from '../Simulator.js';
import type { AppliedRule, DeviceFacts, DevtoolsEvent } from '../protocol.js';
import { callRules, DevtoolsStoreContext, useDevtools } from '../store.js';
import { endCompare, loadFacts, openCompareDialog } from './actions.js';
import { alignCalls, factKey, fitScale, FILE_OUTPUT_APIS, outcomeOf, outputsText, replayNotes, rowDifferences, type CallFacts, type CompareMember, type CompareRow } from './model.js';
import './compare.css';

interface MemberLog {
  readonly events: readonly DevtoolsEvent[];
  readonly rules: Readonly<Record<string, AppliedRule>>;
}

/**
 * Each member's log since the compare started (this session's earlier calls are left out, so the n-th call
 * means the same in every profile), re-read when any member's store changes; one snapshot while none does.
 */
function useMemberLogs(members: readonly CompareMember[]): readonly MemberLog[] {
  const cache = useMemo(() => ({ sources: [] as { events: readonly DevtoolsEvent[]; rules: Readonly<Record<string, AppliedRule>> }[], logs: [] as MemberLog[] }), [members]);
  const subscribe = useMemo(() => (listener: () => void) => {
    const stops = members.map((m) => m.store.subscribe(listener));
    return () => stops.forEach((stop) => stop());
  }, [members]);
  const snapshot = () => {
    const sources = members.map((m) => m.store.getState().log);
    if (sources.length !== cache.sources.length || sources.some((log, i) => log.events !== cache.sources[i]!.events || log.rules !== cache.sources[i]!.rules)) {
      cache.sources = sources.map((log) => ({ events: log.events, rules: log.rules }));
      cache.logs = sources.map((log, i) => {
        const since = members[i]!.sinceSeq;
        return { events: since > 0 ? log.events.filter((e) => e.seq > since) : log.events, rules: log.rules };
      });
    }
    return cache.logs;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth || 1400, height: window.innerHeight || 900 }));
  useEffect(() => {
    const resized = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, []);
  return size;
}

/** The strip above the guest: a phone's status bar (its platform's look, a fixed time) or a PC window's title bar. */
function FrameTop({ device, height, pc, title }: { readonly device: DeviceFacts; readonly height: number; readonly pc: boolean; readonly title: string }) {
  if (pc) {
    return (
      <div className="title-bar" style={{ height }} aria-hidden="true">
        <span className="title-text">{title}</span>
      </div>
    );
  }
  const style = statusStyle(device);
  return (
    <div className={`status-bar status-${style}`} style={{ height }} data-style={style} aria-hidden="true">
      <span className="status-time">{statusTime(new Date(2025, 0, 1, 9, 41), device.language)}</span>
      {style === 'ios' ? height >= 44 ? <span className="island" /> : <span className="notch" /> : <span className="punch-hole" />}
      <span className="status-icons">
        <span className={`battery battery-${style}`}>
          <span className="battery-body">
            <i style={{ width: '100%' }} />
          </span>
        </span>
      </span>
    </div>
  );
}

function MemberFrame({ member, scale, labels }: { readonly member: CompareMember; readonly scale: number; readonly labels: ReadonlyMap<string, string> }) {
  const session = useStore(member.store, (s) => s.connection.session);
  const status = useStore(member.store, (s) => s.connection.status);
  const events = useStore(member.store, (s) => s.log.events);
  const notes = useMemo(() => replayNotes(events.filter((e) => e.seq > member.sinceSeq)).slice(-3), [events, member.sinceSeq]);
  const device = session?.profile.device ?? member.profile.device;
  const frame = deviceFrame(device);
  const title = `${member.label} · ${device.label}`;
  return (
    <section className="lc-member" aria-label={title}>
      <h3 className="lc-member-label">
        {member.label} <span className="muted">· {device.label}{member.main ? ' · this session' : ''}</span>
      </h3>
      <div className="device-box" style={{ width: frame.width * scale, height: frame.height * scale }}>
        <div
          className={`device ${frame.pc ? 'device-pc' : 'device-phone'}`}
          data-device={device.id}
          style={{ width: frame.width, height: frame.height, padding: frame.bezel, borderRadius: frame.radius, transform: scale === 1 ? undefined : `scale(${scale})` }}
        >
          <div className="screen" style={{ borderRadius: frame.pc ? 9 : frame.radius - frame.bezel }}>
            <FrameTop device={device} height={frame.topBar} pc={frame.pc} title={session?.project.name ?? ''} />
            {session ? (
              <iframe
                className="guest"
                title={`${title}: ${session.project.name}`}
                sandbox="allow-scripts allow-forms"
                src={session.guestUrl}
                width={device.windowWidth}
                height={device.windowHeight}
                style={{ width: device.windowWidth, height: device.windowHeight }}
              />
            ) : (
              <p className="hint centered">{status === 'connecting' || status === 'open' ? 'Connecting…' : `Not connected (${status}).`}</p>
            )}
            {frame.bottomBar > 0 && (
              <div className={`system-bar system-${statusStyle(device)}`} style={{ height: frame.bottomBar }} aria-hidden="true">
                <i className={statusStyle(device) === 'ios' ? 'home-indicator' : 'gesture-bar'} />
              </div>
            )}
          </div>
        </div>
      </div>
      <ul className="lc-notes" aria-label={`Replays in ${member.label}`}>
        {notes.map((note) => (
          <li key={note.seq} className={note.missing ? 'lc-missing' : undefined} role={note.missing ? 'alert' : undefined}>
            {note.missing ? '⚠ Not replayed' : '↻ Replayed'} {note.input.action} on {note.input.target.label} from {labels.get(note.from) ?? 'another profile'}
            {note.missing ? `: ${note.missing}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Cell({ row, index, member, log, facts }: { readonly row: CompareRow; readonly index: number; readonly member: CompareMember; readonly log: MemberLog; readonly facts: Readonly<Record<string, CallFacts>> }) {
  const call = row.cells[index];
  if (!call) return <td className="lc-cell lc-none">not called</td>;
  const output = call.record.ok && FILE_OUTPUT_APIS.has(row.api) ? outputsText(facts[factKey(member.sessionId, call.seq)]) : undefined;
  return (
    <td className={`lc-cell ${call.record.ok ? 'ok' : 'fail'}`}>
      <div className="lc-outcome">
        {call.record.ok ? '✓' : '✗'} {outcomeOf(call)}
        {output !== undefined && <span className="lc-output"> · {output}</span>}
      </div>
      {!call.record.ok && <div className="lc-errmsg">{call.record.errMsg}</div>}
      {call.record.rules.length > 0 && (
        <ul className="lc-rules">
          {callRules(call, log.rules).map((rule) => (
            <li key={rule.id} title={rule.text}>
              <code>{rule.id}</code> <ProvenanceBadge kind={rule.provenance?.kind} {...(rule.provenance ? { source: rule.provenance.source } : {})} />
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

function CompareLog({ devtools, members }: { readonly devtools: Devtools; readonly members: readonly CompareMember[] }) {
  const logs = useMemberLogs(members);
  const facts = useDevtools((s) => s.compare.facts);
  const rows = useMemo(() => alignCalls(logs.map((log) => log.events)), [logs]);
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  useEffect(() => {
    for (const row of rows) {
      if (!FILE_OUTPUT_APIS.has(row.api)) continue;
      row.cells.forEach((call, i) => {
        if (call?.record.ok && members[i]) void loadFacts(devtools, members[i]!, call.seq);
      });
    }
  }, [rows, members, devtools]);
  const shown = rows.map((row) => ({ row, differences: rowDifferences(row, members, facts) })).filter(({ differences }) => !onlyDiffering || differences.length > 0);
  const differing = shown.filter((s) => s.differences.length > 0).length;
  return (
    <section className="lc-log" aria-label="Compare log">
      <div className="lc-log-bar">
        <h3>Calls lined up</h3>
        <span className="muted">
          {rows.length} {rows.length === 1 ? 'row' : 'rows'}, {differing} {differing === 1 ? 'differs' : 'differ'}
        </span>
        <label className="lc-only">
          <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} /> Only rows that differ
        </label>
      </div>
      <div className="lc-table-wrap" tabIndex={0}>
        <table className="lc-table" aria-label="Calls by profile">
          <thead>
            <tr>
              <th scope="col">Call</th>
              {members.map((m) => (
                <th scope="col" key={m.sessionId}>
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={members.length + 1} className="hint">
                  {rows.length === 0 ? 'No calls yet: use the gadget in any frame.' : 'No row differs.'}
                </td>
              </tr>
            )}
            {shown.map(({ row, differences }) => (
              <tr key={row.key} className={differences.length > 0 ? 'lc-differs' : undefined} data-differs={differences.length > 0 ? 'true' : undefined}>
                <th scope="row">
                  <code>{row.api}</code> <span className="muted">#{row.n}</span>
                  {differences.length > 0 && (
                    <ul className="lc-diff">
                      {differences.map((d) => (
                        <li key={d}>≠ differs: {d}</li>
                      ))}
                    </ul>
                  )}
                </th>
                {members.map((m, i) => (
                  <Cell key={m.sessionId} row={row} index={i} member={m} log={logs[i] ?? { events: [], rules: {} }} facts={facts} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The picker of another profile's session (this session's shows in the page's own PickerDialog). */
function MemberPicker({ member }: { readonly member: CompareMember }) {
  return (
    <DevtoolsStoreContext.Provider value={member.store}>
      <ClientContext.Provider value={member.client}>
        <PickerDialog />
      </ClientContext.Provider>
    </DevtoolsStoreContext.Provider>
  );
}

export function CompareView() {
  const devtools = useDevtoolsContext();
  const members = useDevtools((s) => s.compare.members);
  const size = useWindowSize();
  const labels = useMemo(() => new Map(members.map((m) => [m.sessionId, m.label])), [members]);
  const frames = members.map((m) => deviceFrame(m.profile.device));
  // The frames take what the log (at least ~380 px) leaves; at 100 % where that fits (Playwright's clicks
  // land off target in a scaled frame, so an e2e gives the page room for 1:1).
  const scale = fitScale(frames, size.width - 380, size.height - 130);
  return (
    <main className="lc-view" aria-label="Live compare">
      <div className="lc-head">
        <h2>Live compare</h2>
        <span className="muted">A tap or typing in one frame is replayed in the others; a picked image goes to all.</span>
        <span className="spacer" />
        <button type="button" onClick={() => openCompareDialog(devtools, true)}>
          Change profiles…
        </button>
        <button type="button" className="danger" onClick={() => void endCompare(devtools)}>
          End compare
        </button>
      </div>
      <div className="lc-body">
        <div className="lc-frames">
          {members.map((m) => (
            <MemberFrame key={`${m.sessionId}:${m.sinceSeq}`} member={m} scale={scale} labels={labels} />
          ))}
        </div>
        <CompareLog devtools={devtools} members={members} />
      </div>
      {members
        .filter((m) => !m.main)
        .map((m) => (
          <MemberPicker key={m.sessionId} member={m} />
        ))}
    </main>
  );
}
