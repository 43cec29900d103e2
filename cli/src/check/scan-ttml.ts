/**
 * The component tags one TTML file uses, read with the simulator's own TTML parser (htmlparser2 in XML mode,
 * source offsets kept), so `ttsim check` and the runtime agree on what a tag is.
 */
import { TEMPLATE_TAGS } from '../../../emulator-api/src/common/components.js';
import { parseTtml, type RawNode } from '../../../emulator-api/src/common/ttml/parse-ttml.js';
import { LineIndex, SourceFile, TtmlError } from '../../../emulator-api/src/common/ttml/source-file.js';

export interface TagUse {
  readonly tag: string;
  /** Of the tag's `<`. */
  readonly line: number;
  readonly column: number;
}

/** Something a tag's attributes say that the report should mention (not a failure). */
export interface TagNote {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type TtmlResult =
  | { readonly ok: true; readonly tags: readonly TagUse[]; readonly notes: readonly TagNote[] }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** The runtime's own warning for it (app/src/dom/components/canvas.ts), in the report's words. */
export const CANVAS_2D_NOTE = '<canvas type="2d"> is not emulated by ttsim yet (no Canvas 2D node interface, no SelectorQuery node()): it draws as a plain canvas through tt.createCanvasContext, and the simulator warns once';

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
  const notes: TagNote[] = [];
  const visit = (list: readonly RawNode[]) => {
    for (const node of list) {
      if (node.kind !== 'element') continue;
      if (!TEMPLATE_TAGS.has(node.tag)) tags.push({ tag: node.tag, ...lines.position(node.offset) });
      const type = node.attributes.find((attribute) => attribute.name === 'type')?.value;
      if (node.tag === 'canvas' && typeof type === 'string' && type.trim() === '2d') notes.push({ message: CANVAS_2D_NOTE, ...lines.position(node.offset) });
      visit(node.children);
    }
  };
  visit(nodes);
  return { ok: true, tags, notes };
}
