/** A rule's provenance as a coloured badge: documented (green), inferred (amber), assumed (grey). */
import type { ProvenanceKind } from './protocol.js';

export function ProvenanceBadge({ kind, source }: { readonly kind: ProvenanceKind | undefined; readonly source?: string }) {
  return (
    <span className={`prov prov-${kind ?? 'unknown'}`} title={source ? `${kind}: ${source}` : kind ?? 'not described yet'}>
      {kind ?? '?'}
    </span>
  );
}

/** A rule's source: a link when it is a URL. */
export function SourceText({ source }: { readonly source: string }) {
  if (/^https?:\/\//.test(source)) {
    return (
      <a href={source} target="_blank" rel="noreferrer noopener">
        {source}
      </a>
    );
  }
  return <>{source}</>;
}
