/** The selected file: a full preview (image or text), its fileInfo, Download and Delete. */
import { useEffect, useState } from 'react';
import { deleteFile, loadFileInfo, useDevtoolsContext } from '../actions.js';
import { baseName, extensionOf, fileHref, formatBytes, isImagePath, isTextPath } from '../format.js';
import type { FileInfo } from '../protocol.js';
import { areaOf, isWritable, useDevtools } from '../store.js';

/** The largest text file shown inline. */
const TEXT_PREVIEW_BYTES = 256 * 1024;

export function FileFacts({ info, error }: { readonly info: FileInfo | undefined; readonly error?: string | undefined }) {
  if (error) return <p className="error-text">{error}</p>;
  if (!info) return <p className="hint">Reading file info…</p>;
  return (
    <dl className="facts">
      <dt>Size</dt>
      <dd>
        {formatBytes(info.size)} <span className="muted">({info.size.toLocaleString('en-US')} bytes)</span>
      </dd>
      <dt>Type</dt>
      <dd>{info.mime ?? (extensionOf(info.path) ? `${extensionOf(info.path).toUpperCase()} (by its name; no signature in its bytes)` : 'unknown')}</dd>
      {info.format && (
        <>
          <dt>Format</dt>
          <dd>{info.format}</dd>
        </>
      )}
      {info.width !== undefined && info.height !== undefined && (
        <>
          <dt>Dimensions</dt>
          <dd>
            {info.width} × {info.height} px
          </dd>
        </>
      )}
    </dl>
  );
}

function TextPreview({ href, size }: { readonly href: string; readonly size: number }) {
  const [text, setText] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (size > TEXT_PREVIEW_BYTES) return;
    const controller = new AbortController();
    fetch(href, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(setText, (e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [href, size]);
  if (size > TEXT_PREVIEW_BYTES) return <p className="hint">Too large to show here ({formatBytes(size)}): download it.</p>;
  if (error) return <p className="error-text">Could not read the file: {error}</p>;
  return (
    <pre className="text-preview" aria-label="File content">
      {text ?? 'Loading…'}
    </pre>
  );
}

export function FilePreview({ path }: { readonly path: string }) {
  const devtools = useDevtoolsContext();
  const session = useDevtools((s) => s.connection.session);
  const info = useDevtools((s) => s.files.info[path]);
  const infoError = useDevtools((s) => s.files.infoErrors[path]);
  const entry = useDevtools((s) => s.files.areas[areaOf(path)].entries.find((e) => e.path === path));
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void loadFileInfo(devtools, path);
  }, [devtools, path, entry?.modifiedMs, info]);
  useEffect(() => setConfirming(false), [path]);
  if (!session) return null;
  const name = baseName(path);
  const version = entry ? `&v=${Math.round(entry.modifiedMs)}` : '';
  const href = `${fileHref(session, path)}${version}`;
  return (
    <section className="preview" aria-label={`File ${name}`}>
      <header className="preview-head">
        <h3>{name}</h3>
        <code className="path">{path}</code>
        <span className="spacer" />
        <a className="button" href={fileHref(session, path, true)} download={name}>
          Download
        </a>
        {isWritable(areaOf(path)) &&
          (confirming ? (
            <>
              <button type="button" className="danger" onClick={() => void deleteFile(devtools, path)}>
                Confirm delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          ))}
      </header>
      <FileFacts info={info} error={infoError} />
      <div className="preview-body">
        {isImagePath(path) || info?.mime?.startsWith('image/') ? (
          <img className="preview-img checker" src={href} alt={`Preview of ${name}`} />
        ) : isTextPath(path) || info?.mime?.startsWith('text/') ? (
          <TextPreview href={href} size={entry?.size ?? info?.size ?? 0} />
        ) : (
          <p className="hint">No preview for this type: download it to open it.</p>
        )}
      </div>
    </section>
  );
}
