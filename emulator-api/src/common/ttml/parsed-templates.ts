/**
 * The package's TTML files, parsed once by the host and sent in the boot payload: the guest compiles
 * the raw trees and never loads the HTML tokenizer (htmlparser2 and its entity tables were a sixth of the
 * runtime's bundle and some 25 ms of every gadget's start). A file that does not parse travels as its
 * error, which the guest raises when a page or component compiles it, as if it had parsed it itself.
 */
import type { RawNode } from './parse-ttml.js';
import { TtmlError, type SourceFile } from './source-file.js';

/** A file's raw tree (the host's parse in the guest, parseTtml in tests and tools); throws TtmlError. */
export type ParseFile = (file: SourceFile) => RawNode[];

export type ParsedTemplate = { readonly nodes: RawNode[] } | { readonly error: { readonly line: number; readonly column: number; readonly reason: string } };

/** How the guest's compiler gets a file's raw tree: from what the host parsed. */
export function templateParser(parsed: Readonly<Record<string, ParsedTemplate>>): ParseFile {
  return (file) => {
    const template = parsed[file.path];
    if (!template) throw new TtmlError(file.path, 1, 1, 'the host did not parse this file (is it a .ttml file of the package?)');
    if ('error' in template) throw new TtmlError(file.path, template.error.line, template.error.column, template.error.reason);
    return template.nodes;
  };
}
