/** A rule's provenance as a coloured badge: documented (green), inferred (amber), assumed (grey). */
import type { ReactNode } from 'react';
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

/** One behaviour rule as the panels list it: id, provenance badge, text and source; `extra` goes beside the id. */
export function RuleItem({ rule, highlighted = false, extra }: { readonly rule: { readonly id: string; readonly text: string; readonly provenance: { readonly kind: ProvenanceKind; readonly source: string } }; readonly highlighted?: boolean; readonly extra?: ReactNode }) {
  return (
    <li className={highlighted ? 'rule-here' : undefined}>
      <div>
        <code>{rule.id}</code> {extra} <ProvenanceBadge kind={rule.provenance.kind} source={rule.provenance.source} />
      </div>
      <p>{rule.text}</p>
      <p className="source">
        Source: <SourceText source={rule.provenance.source} />
      </p>
    </li>
  );
}
