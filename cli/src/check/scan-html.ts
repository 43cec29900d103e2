/** The scripts a web app's HTML page runs: inline `<script>` bodies and the local files `<script src>` names. */
import { Parser } from 'htmlparser2';

/** `type` values a browser runs as JavaScript (absent and empty included). */
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript', 'module']);

export interface InlineScript {
  /** The whole HTML with everything but this script's body blanked (newlines kept), so positions stay the HTML's. */
  readonly source: string;
  readonly module: boolean;
}

export interface ScriptReference {
  readonly src: string;
  readonly module: boolean;
  readonly line: number;
  readonly column: number;
}

export interface HtmlScripts {
  readonly inline: readonly InlineScript[];
  readonly external: readonly ScriptReference[];
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

export function scanHtml(text: string): HtmlScripts {
  const inline: InlineScript[] = [];
  const external: ScriptReference[] = [];
  let open: { start: number; module: boolean; runs: boolean } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name !== 'script') return;
        const type = (attribs.type ?? '').trim().toLowerCase();
        const runs = SCRIPT_TYPES.has(type);
        const module = type === 'module';
        if (runs && attribs.src !== undefined) external.push({ src: attribs.src, module, ...position(text, parser.startIndex) });
        open = { start: parser.endIndex + 1, module, runs: runs && attribs.src === undefined };
      },
      onclosetag(name) {
        if (name !== 'script' || open === undefined) return;
        const end = parser.startIndex;
        if (open.runs && text.slice(open.start, end).trim() !== '') {
          inline.push({ source: text.slice(0, open.start).replace(/[^\r\n]/g, ' ') + text.slice(open.start, end), module: open.module });
        }
        open = undefined;
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return { inline, external };
}
