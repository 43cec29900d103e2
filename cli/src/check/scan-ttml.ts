/**
 * The component tags one TTML file uses, read with the simulator's own TTML parser (htmlparser2 in XML mode,
 * source offsets kept), so `ttsim check` and the runtime agree on what a tag is.
 */
import { TEMPLATE_TAGS } from '../../../emulator-api/src/common/components.js';
import { LineIndex, SourceFile, TtmlError } from '../../../app/src/ttml/errors.js';
import { parseTtml, type RawNode } from '../../../app/src/ttml/parse-ttml.js';

export interface TagUse {
  readonly tag: string;
  /** Of the tag's `<`. */
  readonly line: number;
  readonly column: number;
}

export type TtmlResult = { readonly ok: true; readonly tags: readonly TagUse[] } | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** Every element except the template language's own tags (block, template, import, include, slot, …). */
export function scanTtml(path: string, text: string): TtmlResult {
  let nodes: RawNode[];
  try {
    nodes = parseTtml(new SourceFile(path, text));
  } catch (error) {
    if (error instanceof TtmlError) return { ok: false, line: error.line, column: error.column, message: error.reason };
    return { ok: false, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) };
  }
  const lines = new LineIndex(text);
  const tags: TagUse[] = [];
  const visit = (list: readonly RawNode[]) => {
    for (const node of list) {
      if (node.kind !== 'element') continue;
      if (!TEMPLATE_TAGS.has(node.tag)) tags.push({ tag: node.tag, ...lines.position(node.offset) });
      visit(node.children);
    }
  };
  visit(nodes);
  return { ok: true, tags };
}
