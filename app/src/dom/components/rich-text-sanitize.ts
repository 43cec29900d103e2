/**
 * Turns a <rich-text> `nodes` value — an HTML string or a WeChat-style node array
 * (`{ name, attrs, children }` / `{ type: 'text', text }`) — into DOM built from a whitelist only. The
 * nodes come from the guest (often from a server), so nothing in them may run code: no script or style
 * elements, no event-handler attributes, no javascript: (or other non-image) URLs, no CSS that fetches
 * anything but http(s) / data:image URLs. Elements are created with createElement and attributes with
 * setAttribute, never innerHTML, so the result holds exactly what the whitelist lets through.
 *
 * The whitelist is WeChat's documented one for rich-text (inferred for Feishu). Tags outside it are
 * unwrapped (their text stays) except the ones below whose content is not text, which are dropped whole
 * (assumed: WeChat documents only that they are ignored).
 */

export type RichNode = { kind: 'text'; text: string } | { kind: 'element'; name: string; attrs: Record<string, string>; children: RichNode[] };

const GLOBAL_ATTRIBUTES = ['class', 'style'];
/** Tag → its own attributes (besides class and style). */
const TAGS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    ('a abbr address article aside b bdi bdo big blockquote br caption center cite code dd del div dl dt em fieldset footer ' +
      'h1 h2 h3 h4 h5 h6 header hr i ins label legend li mark nav p pre q rt ruby s section small span strong sub sup tbody tfoot thead tr tt u ul')
      .split(' ')
      .map((tag) => [tag, []]),
  ),
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  font: ['color', 'face', 'size'],
  img: ['alt', 'src', 'height', 'width'],
  ol: ['start', 'type'],
  table: ['width'],
  td: ['colspan', 'height', 'rowspan', 'width'],
  th: ['colspan', 'height', 'rowspan', 'width'],
};

/** Dropped with everything inside: their content is code, styles, media or form controls, not text. */
const DROPPED = new Set(
  'script style template noscript iframe frame frameset object embed applet param link meta base title head svg math video audio source track canvas form input button select option textarea'.split(' '),
);

/** Deeper nesting is cut off (a guest string cannot make the builder recurse without end). */
const MAX_DEPTH = 200;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', ndash: '–', mdash: '—', hellip: '…', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', middot: '·', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };

/** Text of a node-array text node may carry entities (WeChat decodes them). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An HTML string → nodes, parsed in an inert document (DOMParser: no scripts run, nothing loads). */
export function parseHtml(html: string, document: Document): RichNode[] {
  const Parser = document.defaultView?.DOMParser ?? DOMParser;
  const parsed = new Parser().parseFromString(html, 'text/html');
  const convert = (node: Node): RichNode | undefined => {
    if (node.nodeType === 3) return { kind: 'text', text: node.nodeValue ?? '' };
    if (node.nodeType !== 1) return undefined;
    const element = node as Element;
    const attrs: Record<string, string> = {};
    for (const attr of element.attributes) attrs[attr.name] = attr.value;
    return { kind: 'element', name: element.localName, attrs, children: [...element.childNodes].map(convert).filter((n) => n !== undefined) };
  };
  return [...parsed.body.childNodes].map(convert).filter((n) => n !== undefined);
}

/** A node array as the guest wrote it → nodes (anything malformed is skipped). */
export function fromNodeArray(nodes: readonly unknown[], depth = 0): RichNode[] {
  const out: RichNode[] = [];
  if (depth > MAX_DEPTH) return out;
  for (const node of nodes) {
    if (node === null || typeof node !== 'object') continue;
    const n = node as { type?: unknown; text?: unknown; name?: unknown; attrs?: unknown; children?: unknown };
    if (n.type === 'text') {
      out.push({ kind: 'text', text: decodeEntities(typeof n.text === 'string' ? n.text : String(n.text ?? '')) });
      continue;
    }
    if (typeof n.name !== 'string') continue;
    const attrs: Record<string, string> = {};
    if (n.attrs !== null && typeof n.attrs === 'object') {
      for (const [name, value] of Object.entries(n.attrs as Record<string, unknown>)) {
        if (typeof value === 'string' || typeof value === 'number') attrs[name.toLowerCase()] = String(value);
      }
    }
    out.push({ kind: 'element', name: n.name.toLowerCase(), attrs, children: Array.isArray(n.children) ? fromNodeArray(n.children, depth + 1) : [] });
  }
  return out;
}

/** Browsers skip spaces and control characters inside a URL's scheme (`java\tscript:`), so a check must too. */
function withoutIgnored(url: string): string {
  let out = '';
  for (const ch of url) {
    const code = ch.codePointAt(0)!;
    if (code > 0x20 && (code < 0x7f || code > 0x9f)) out += ch;
  }
  return out;
}

function schemeOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(withoutIgnored(url));
  return match ? match[1]!.toLowerCase() : undefined;
}

/** http(s) and data:image URLs as they are; package and ttfile:// paths through `resolve`; anything else refused. */
export function safeImageSrc(src: string, resolve: (src: string) => string): string | undefined {
  const url = src.trim();
  const scheme = schemeOf(url);
  if (scheme === undefined || scheme === 'ttfile') return url === '' ? undefined : resolve(url);
  if (scheme === 'http' || scheme === 'https') return url;
  if (scheme === 'data' && /^data:image\/(png|jpe?g|gif|webp|bmp|avif|svg\+xml)[;,]/i.test(withoutIgnored(url))) return url;
  return undefined;
}

/** Each url(…) in a CSS value must be http(s) or data:image; expression() and bindings never pass. */
function safeCssValue(value: string): boolean {
  if (/expression\s*\(|-moz-binding|behavior\s*:|javascript:|vbscript:/i.test(value)) return false;
  for (const match of value.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    const url = match[2]!;
    const scheme = schemeOf(url);
    if (!(scheme === 'http' || scheme === 'https' || (scheme === 'data' && /^data:image\//i.test(url.trim())))) return false;
  }
  return !/url\s*\(/i.test(value.replace(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi, ''));
}

/** A style attribute through the browser's own CSS parser, keeping the declarations that are safe. */
export function sanitizeStyle(style: string, document: Document): string {
  const probe = document.createElement('div');
  probe.style.cssText = style;
  for (let i = probe.style.length - 1; i >= 0; i--) {
    const name = probe.style.item(i);
    if (!safeCssValue(probe.style.getPropertyValue(name))) probe.style.removeProperty(name);
  }
  return probe.style.cssText;
}

export interface BuildOptions {
  document: Document;
  resolveImageSrc(src: string): string;
  /** `space` attribute: how a space in text shows (ensp / emsp / nbsp), or undefined for a plain space. */
  space?: string;
}

const SPACES: Readonly<Record<string, string>> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };

function safeAttribute(tag: string, name: string, value: string, options: BuildOptions): string | undefined {
  if (name === 'class') return value;
  if (name === 'style') return sanitizeStyle(value, options.document) || undefined;
  if (name === 'src') return tag === 'img' ? safeImageSrc(value, options.resolveImageSrc) : undefined;
  // The remaining whitelisted attributes are sizes, counts, colors and font names: plain tokens only.
  return /^[\w\s#.,%()+-]*$/.test(value) ? value : undefined;
}

/** Whitelisted DOM for the nodes. */
export function buildRichText(nodes: readonly RichNode[], options: BuildOptions, depth = 0): Node[] {
  const out: Node[] = [];
  if (depth > MAX_DEPTH) return out;
  const space = options.space === undefined ? undefined : SPACES[options.space];
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push(options.document.createTextNode(space === undefined ? node.text : node.text.replace(/ /g, space)));
      continue;
    }
    const name = node.name;
    if (DROPPED.has(name)) continue;
    const allowed = Object.hasOwn(TAGS, name) ? TAGS[name]! : undefined;
    const children = buildRichText(node.children, options, depth + 1);
    if (allowed === undefined) {
      out.push(...children);
      continue;
    }
    const element = options.document.createElement(name);
    for (const [attr, value] of Object.entries(node.attrs)) {
      const lower = attr.toLowerCase();
      if (!GLOBAL_ATTRIBUTES.includes(lower) && !allowed.includes(lower)) continue;
      const safe = safeAttribute(name, lower, value, options);
      if (safe !== undefined) element.setAttribute(lower, safe);
    }
    element.append(...children);
    out.push(element);
  }
  return out;
}
