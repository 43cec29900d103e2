/**
 * The Matrix tab: the APIs the gadget called (rows) against every profile (gadget / webapp × android / ios /
 * pc / harmony), each cell the first client version that has the API or ✕, with the matrix's provenance.
 * A cell is a button that relaunches the project under that profile at that edge version; a row opens to
 * show the behaviour rules that differ by platform, each with its provenance.
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { useDevtoolsContext } from '../actions.js';
import { ProvenanceBadge, RuleItem, SourceText } from '../Provenance.js';
import { relaunch } from '../profile/relaunch.js';
import type { ApiMatrixEntry, ClientProfile } from '../protocol.js';
import { apiNames, useDevtools } from '../store.js';
import { profileLabel, supportedAt } from '../versions.js';
import { watchEvents } from '../watch.js';
import { loadMatrix } from './actions.js';
import { isCurrentColumn, platformRules, profileColumns, reduceMatrixExpand, type ProfileColumn } from './model.js';

/** How soon after a call of an API not in the matrix yet it is asked again. */
export const MATRIX_REFRESH_MS = 400;

/** The profile a cell switches to: its app kind and platform at the edge version (the current client where there is none). */
export function cellTarget(entry: ApiMatrixEntry, column: ProfileColumn, profile: Pick<ClientProfile, 'client'> | undefined): { readonly app: ProfileColumn['app']; readonly platform: ProfileColumn['platform']; readonly client: string } {
  const from = entry.support.matrix[column.app][column.platform];
  return { app: column.app, platform: column.platform, client: from ?? profile?.client ?? '' };
}

function Cell({ entry, column, profile, busy }: { readonly entry: ApiMatrixEntry; readonly column: ProfileColumn; readonly profile: ClientProfile | undefined; readonly busy: boolean }) {
  const devtools = useDevtoolsContext();
  const from = entry.support.matrix[column.app][column.platform];
  const target = cellTarget(entry, column, profile);
  const current = isCurrentColumn(column, profile);
  // In the session's own column: does the running client reach the edge?
  const below = current && profile !== undefined && from !== null && !supportedAt(from, profile.client);
  // The name starts with the cell's visible text (WCAG's label in name), then what a click does.
  const label = `${from === null ? 'not supported' : `from ${from}`}: switch to ${profileLabel(target)}${from === null ? ` (${entry.name} is not supported there)` : ''}`;
  const { kind, source } = entry.support.provenance;
  return (
    <button
      type="button"
      className={`cell ${from === null ? 'cell-no' : 'cell-yes'}${below ? ' cell-below' : ''}`}
      aria-label={label}
      title={`${label}\n${entry.name} on ${column.app} · ${column.platform}: ${from === null ? 'not supported' : `from ${from}`}${below ? ` (this session's client ${profile.client} is below)` : ''}\nSupport matrix: ${kind} — ${source}`}
      disabled={busy || !target.client}
      onClick={() => void relaunch(devtools, target)}
    >
      {from === null ? (
        <>
          <span className="cell-word">
            <span aria-hidden="true">✕ </span>not
          </span>{' '}
          <span className="cell-version">supported</span>
        </>
      ) : (
        <>
          <span className="cell-word">from</span> <span className="cell-version">{from}</span>
        </>
      )}
    </button>
  );
}

function RuleDetail({ entry, profile }: { readonly entry: ApiMatrixEntry; readonly profile: ClientProfile | undefined }) {
  const rules = platformRules(entry);
  return (
    <div className="matrix-detail">
      <p>
        {entry.summary}{' '}
        <a href={entry.doc} target="_blank" rel="noreferrer noopener">
          Feishu doc
        </a>{' '}
        <span className="muted">· runs {entry.side === 'guest' ? 'in the guest' : 'on the host'}</span>
      </p>
      <p className="source">
        Support matrix: <ProvenanceBadge kind={entry.support.provenance.kind} source={entry.support.provenance.source} /> <SourceText source={entry.support.provenance.source} />
      </p>
      <h4>Rules that differ by platform ({rules.length})</h4>
      {rules.length === 0 ? (
        <p className="hint">No behaviour rule of {entry.name} depends on the platform: it behaves the same on each.</p>
      ) : (
        <ul className="rule-list">
          {rules.map((rule) => {
            const platforms = rule.platforms === 'all' ? [] : rule.platforms;
            const here = profile !== undefined && platforms.includes(profile.platform);
            return (
              <RuleItem
                key={rule.id}
                rule={rule}
                highlighted={here}
                extra={
                  <>
                    <span className="platforms">{platforms.join(', ')}</span>
                    {here && <span className="tag tag-here">applies to this session</span>}
                  </>
                }
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function MatrixPanel() {
  const devtools = useDevtoolsContext();
  const { entries, loading, error, expanded, inCode } = useDevtools((s) => s.matrix);
  const profile = useDevtools((s) => s.connection.session?.profile);
  const events = useDevtools((s) => s.log.events);
  const busy = useDevtools((s) => s.ui.relaunching !== undefined);
  const connected = profile !== undefined;
  /** The API names the matrix was last asked with (names the registry does not know never come back). */
  const asked = useRef(new Set<string>());

  useEffect(() => {
    if (!connected) return;
    const load = () => {
      asked.current = new Set(apiNames(devtools.store.getState().log.events));
      void loadMatrix(devtools);
    };
    load();
    return watchEvents(devtools.store, (event) => event.type === 'call' && !asked.current.has(event.record.api), load, MATRIX_REFRESH_MS);
  }, [devtools, connected]);

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const event of events) if (event.type === 'call') map.set(event.record.api, (map.get(event.record.api) ?? 0) + 1);
    return map;
  }, [events]);
  const toggle = (api: string) => devtools.store.getState().updateSlice('matrix', (m) => reduceMatrixExpand(m, api));

  return (
    <div className="matrix-panel">
      <div className="filter-bar">
        <span>
          Current profile: <strong>{profile ? profileLabel(profile) : '…'}</strong>
        </span>
        <span className="muted count">{entries ? `${entries.length} ${entries.length === 1 ? 'API' : 'APIs'} called or in the code` : ''}</span>
        <span className="spacer" />
        <span className="legend muted" aria-hidden="true">
          <span className="cell-yes swatch" /> supported <span className="cell-no swatch" /> not supported <span className="cell-below swatch" /> this client is below
        </span>
        <button type="button" onClick={() => void loadMatrix(devtools)} disabled={loading}>
          Refresh
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text hint">
          {error}
        </p>
      )}
      {!entries ? (
        <p className="hint">{loading ? 'Loading the support matrix…' : ''}</p>
      ) : entries.length === 0 ? (
        <p className="hint">No calls yet: the APIs the gadget calls show up here with the client versions that have them.</p>
      ) : (
        <div className="matrix-scroll">
          <table className="matrix" aria-label="Support matrix">
            <colgroup>
              <col className="api-col" />
              {profileColumns.map((column) => (
                <col key={`${column.app}-${column.platform}`} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th rowSpan={2} scope="col" className="api-col">
                  API
                </th>
                <th colSpan={4} scope="colgroup">
                  gadget
                </th>
                <th colSpan={4} scope="colgroup">
                  webapp
                </th>
              </tr>
              <tr>
                {profileColumns.map((column) => {
                  const current = isCurrentColumn(column, profile);
                  return (
                    <th key={`${column.app}-${column.platform}`} scope="col" className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined} title={current ? "This session's profile" : undefined}>
                      {column.platform}
                      {current && <span className="current-mark">current</span>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const open = expanded.includes(entry.name);
                const detailId = `matrix-detail-${entry.name}`;
                const count = counts.get(entry.name) ?? entry.calls;
                return (
                  <Fragment key={entry.name}>
                    <tr className={open ? 'open' : undefined}>
                      <th scope="row" className="api-col">
                        <div className="api-head">
                          <button type="button" className="expander" aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => toggle(entry.name)} title={`${entry.name}: ${entry.summary}`}>
                            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {entry.name}
                          </button>
                          <ProvenanceBadge kind={entry.support.provenance.kind} source={entry.support.provenance.source} />
                          <span className="muted calls" title={count > 0 ? undefined : inCode?.[entry.name] ? `Used in the code at ${inCode[entry.name]} (ttsim check), not called yet` : 'Called in a session before the last profile switch, not in this one yet'}>
                            {count > 0 ? `${count} ${count === 1 ? 'call' : 'calls'}` : inCode?.[entry.name] ? `in the code, ${inCode[entry.name]}` : 'before the switch'}
                          </span>
                        </div>
                      </th>
                      {profileColumns.map((column) => (
                        <td key={`${column.app}-${column.platform}`} className={isCurrentColumn(column, profile) ? 'current' : undefined}>
                          <Cell entry={entry} column={column} profile={profile} busy={busy} />
                        </td>
                      ))}
                    </tr>
                    {open && (
                      <tr id={detailId} className="detail-row">
                        <td colSpan={profileColumns.length + 1}>
                          <RuleDetail entry={entry} profile={profile} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
