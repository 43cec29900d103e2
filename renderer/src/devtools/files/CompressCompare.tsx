/**
 * compressImage's before and after: both files' sizes, the after/before ratio, formats, dimensions and the
 * quality asked for; the images side by side, as a slider (the after image clipped over the before), as a
 * before/after toggle, each fitted or at 1:1 pixels.
 */
import { useEffect, useState } from 'react';
import { loadCompression, useDevtoolsContext } from '../actions.js';
import { baseName, fileHref, formatBytes, ratioText } from '../format.js';
import type { FileInfo, SessionInfo } from '../protocol.js';
import { reduceCompare, useDevtools, type Compression } from '../store.js';

export type CompareMode = 'side' | 'slider' | 'toggle';
const modes: readonly (readonly [CompareMode, string])[] = [
  ['side', 'Side by side'],
  ['slider', 'Slider'],
  ['toggle', 'Toggle'],
];

const dims = (info: FileInfo | undefined) => (info?.width !== undefined && info.height !== undefined ? `${info.width} × ${info.height}` : '—');

export function CompressCompare({ seq }: { readonly seq: number }) {
  const devtools = useDevtoolsContext();
  const compression = useDevtools((s) => s.files.compressions[seq]);
  const session = useDevtools((s) => s.connection.session);
  useEffect(() => {
    void loadCompression(devtools, seq);
  }, [devtools, seq]);
  const close = () => devtools.store.getState().updateFiles((f) => reduceCompare(f, undefined));
  return (
    <section className="compare" aria-label="compressImage before and after">
      <header className="preview-head">
        <h3>compressImage before / after</h3>
        <span className="spacer" />
        <button type="button" aria-label="Close compare view" onClick={close}>
          ✕
        </button>
      </header>
      {!compression ? (
        <p className="hint">Loading the call…</p>
      ) : 'error' in compression ? (
        <p role="alert" className="error-text">
          {compression.error}
        </p>
      ) : session ? (
        <CompareBody compression={compression} session={session} />
      ) : null}
    </section>
  );
}

function CompareBody({ compression, session }: { readonly compression: Compression; readonly session: SessionInfo }) {
  const before = useDevtools((s) => s.files.info[compression.src]);
  const after = useDevtools((s) => s.files.info[compression.out]);
  const beforeError = useDevtools((s) => s.files.infoErrors[compression.src]);
  const afterError = useDevtools((s) => s.files.infoErrors[compression.out]);
  const [mode, setMode] = useState<CompareMode>('side');
  const [pixels, setPixels] = useState(false);
  const [position, setPosition] = useState(50);
  const [showAfter, setShowAfter] = useState(true);
  const beforeHref = fileHref(session, compression.src);
  const afterHref = fileHref(session, compression.out);
  const saved = before && after ? before.size - after.size : undefined;
  const width = before?.width ?? after?.width;
  const height = before?.height ?? after?.height;
  // The stage keeps the before image's shape; at 1:1 it is the image's own size in CSS pixels (scrollable).
  const stageStyle =
    pixels && width && height
      ? { width, height }
      : width && height
        ? { aspectRatio: `${width} / ${height}`, maxWidth: `calc(48vh * ${width / height})` }
        : { aspectRatio: '4 / 3' };

  return (
    <div className="compare-body">
      <table className="compare-table" aria-label="Before and after">
        <colgroup>
          <col className="c-head" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">File</th>
            <td title={compression.src}>{baseName(compression.src)}</td>
            <td title={compression.out}>{baseName(compression.out)}</td>
          </tr>
          <tr>
            <th scope="row">Size</th>
            <td>{before ? formatBytes(before.size) : beforeError ? 'gone' : '…'}</td>
            <td>{after ? formatBytes(after.size) : afterError ? 'gone' : '…'}</td>
          </tr>
          <tr>
            <th scope="row">Format</th>
            <td>{before?.format ?? before?.mime ?? '—'}</td>
            <td>{after?.format ?? after?.mime ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">Dimensions</th>
            <td>{dims(before)}</td>
            <td>{dims(after)}</td>
          </tr>
          <tr>
            <th scope="row">Quality</th>
            <td className="muted">—</td>
            <td>
              {compression.quality}
              {compression.qualityGiven ? '' : ' (default)'}
            </td>
          </tr>
          <tr>
            <th scope="row" title="after / before bytes">Ratio (after / before)</th>
            <td colSpan={2} className="ratio">
              {before && after ? (
                <>
                  {ratioText(before.size, after.size)}
                  {saved !== undefined && <span className="muted"> · {saved >= 0 ? `${formatBytes(saved)} smaller` : `${formatBytes(-saved)} larger`}</span>}
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        </tbody>
      </table>
      {(beforeError || afterError) && <p className="error-text">{beforeError ?? afterError}</p>}

      <div className="compare-controls">
        <div role="group" aria-label="Compare mode" className="segmented">
          {modes.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={mode === value} onClick={() => setMode(value)}>
              {label}
            </button>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={pixels} onChange={(e) => setPixels(e.target.checked)} /> 1:1 pixels
        </label>
        {mode === 'toggle' && (
          <button type="button" aria-pressed={showAfter} onClick={() => setShowAfter((v) => !v)}>
            {showAfter ? 'Showing after — show before' : 'Showing before — show after'}
          </button>
        )}
        {mode === 'slider' && (
          <input type="range" min={0} max={100} step={1} value={position} aria-label="Compare position" onChange={(e) => setPosition(Number(e.target.value))} />
        )}
      </div>

      <div className={`compare-view ${pixels ? 'pixels' : 'fit'}`}>
        {mode === 'side' && (
          <div className="compare-side">
            <figure>
              <figcaption>Before · {before ? formatBytes(before.size) : '…'}</figcaption>
              <img className="checker" src={beforeHref} alt={`Before: ${baseName(compression.src)}`} />
            </figure>
            <figure>
              <figcaption>After · {after ? formatBytes(after.size) : '…'}</figcaption>
              <img className="checker" src={afterHref} alt={`After: ${baseName(compression.out)}`} />
            </figure>
          </div>
        )}
        {mode === 'slider' && (
          <div className="stage checker" style={stageStyle} data-testid="compare-stage">
            <img className="layer" src={beforeHref} alt={`Before: ${baseName(compression.src)}`} />
            <img className="layer" src={afterHref} alt={`After: ${baseName(compression.out)}`} style={{ clipPath: `inset(0 0 0 ${position}%)` }} />
            <div className="stage-line" style={{ left: `${position}%` }} aria-hidden="true" />
            <span className="stage-tag left">before</span>
            <span className="stage-tag right">after</span>
          </div>
        )}
        {mode === 'toggle' && (
          <div className="stage checker" style={stageStyle}>
            {showAfter ? (
              <img className="layer" src={afterHref} alt={`After: ${baseName(compression.out)}`} />
            ) : (
              <img className="layer" src={beforeHref} alt={`Before: ${baseName(compression.src)}`} />
            )}
            <span className="stage-tag left">{showAfter ? 'after' : 'before'}</span>
          </div>
        )}
      </div>
    </div>
  );
}
