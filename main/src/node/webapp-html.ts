/**
 * A web app's HTML as ttsim serves it. Feishu's JSSDK is loaded by the page's own
 * `<script src="…/h5-js-sdk-<version>.js">` tag (a versioned CDN URL); ttsim puts its own h5sdk / tt in
 * place of that tag, whatever the version, so the browser never fetches the CDN and the page's scripts
 * see window.h5sdk exactly where the real SDK would have defined it. ttsim's agent (bridge, console
 * capture, automation hooks) goes first in <head>; it exposes nothing to the page by itself.
 *
 * Parsed with htmlparser2 (tag positions), not with regular expressions over the markup.
 */
import { Parser } from 'htmlparser2';

/** Any host, any version: …/h5-js-sdk-1.5.26.js, …/h5-js-sdk-1.5.x.js. */
const JSSDK_FILE = /(^|\/)h5-js-sdk-([\w.-]+)\.js$/;

export interface RewrittenHtml {
  readonly html: string;
  /** The JSSDK script URLs the page asked for, in order. */
  readonly jssdkUrls: readonly string[];
}

export function jssdkVersionOf(url: string): string | undefined {
  const pathPart = url.split(/[?#]/)[0] ?? '';
  return JSSDK_FILE.exec(pathPart)?.[2];
}

export function rewriteWebAppHtml(html: string, agentSrc: string): RewrittenHtml {
  const replacements: { start: number; end: number; text: string }[] = [];
  const jssdkUrls: string[] = [];
  let headEnd: number | undefined;
  let openScript: { start: number; src: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'head' && headEnd === undefined) headEnd = parser.endIndex + 1;
        if (name === 'script' && attributes.src !== undefined && jssdkVersionOf(attributes.src) !== undefined) {
          openScript = { start: parser.startIndex, src: attributes.src };
        }
      },
      onclosetag(name) {
        if (name !== 'script' || !openScript) return;
        jssdkUrls.push(openScript.src);
        const call = `window.__ttsimJssdk && window.__ttsimJssdk(${JSON.stringify(openScript.src).replace(/</g, '\\u003c')})`;
        replacements.push({ start: openScript.start, end: parser.endIndex + 1, text: `<script data-ttsim-jssdk>${call}</script>` });
        openScript = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  let out = html;
  for (const r of [...replacements].reverse()) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  const agent = `<script src="${agentSrc}"></script>`;
  // Replacements all lie after the head's open tag, so its index is still right.
  out = headEnd === undefined ? `${agent}${out}` : out.slice(0, headEnd) + agent + out.slice(headEnd);
  return { html: out, jssdkUrls };
}
