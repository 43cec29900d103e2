/**
 * Rewrites TTML type selectors into the marker scheme (tag-scheme.ts). One function serves the TTSS
 * compiler and the automation SDK (`toDomSelector`), so a selector means the same in both.
 *
 * Type selectors are the idents that start a compound selector: at the start, after whitespace, a comma,
 * a combinator (`>` `+` `~`), or as the first thing inside `:not()` `:is()` `:where()` `:has()`. Idents
 * after `.`, `#`, `:` or inside `[…]` and other functions (`:nth-child(odd)`) are left alone; `*` stays.
 */
import { tokenizeCss, type CssToken } from '../ttss/css-tokenizer.js';
import { tagSelector } from './tag-scheme.js';

const SELECTOR_FUNCTIONS = new Set(['not', 'is', 'where', 'has', 'matches', 'any', '-webkit-any', '-moz-any', 'host', 'host-context']);

function isCompoundStart(previous: CssToken | undefined): boolean {
  if (previous === undefined) return true;
  switch (previous.type) {
    case 'whitespace':
    case 'comment':
    case ',':
      return true;
    case 'delim':
      return previous.text === '>' || previous.text === '+' || previous.text === '~';
    case 'function':
      return SELECTOR_FUNCTIONS.has(previous.name!.toLowerCase());
    default:
      return false;
  }
}

/** The rewritten text of a selector's tokens (a rule prelude). */
export function rewriteSelectorTokens(tokens: readonly CssToken[]): string {
  let out = '';
  let brackets = 0;
  /** For each open parenthesis: whether its content is a selector list. */
  const functions: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case '[':
        brackets++;
        break;
      case ']':
        brackets = Math.max(0, brackets - 1);
        break;
      case 'function':
        functions.push(SELECTOR_FUNCTIONS.has(token.name!.toLowerCase()));
        break;
      case '(':
        functions.push(false);
        break;
      case ')':
        functions.pop();
        break;
      case 'ident': {
        const inSelectorContext = brackets === 0 && (functions.length === 0 || functions[functions.length - 1] === true);
        if (inSelectorContext && isCompoundStart(tokens[i - 1])) {
          out += tagSelector(token.name!);
          continue;
        }
        break;
      }
      default:
        break;
    }
    out += token.text;
  }
  return out;
}

/**
 * `view.item > text`, `button#go`, `page` → selectors for the rendered DOM. For the automation SDK and any
 * code that queries the page with TTML tag names.
 *
 * `my-list >>> .row` (WeChat's combinator into a custom component) is a descendant combinator here:
 * components render into their host element (no shadow DOM), so what is inside a component is below it.
 */
export function toDomSelector(selector: string): string {
  return rewriteSelectorTokens(piercingToDescendant(tokenizeCss(selector)));
}

/** `>>>` (three `>` delims in a row) → one whitespace token. */
function piercingToDescendant(tokens: CssToken[]): CssToken[] {
  const isGt = (token: CssToken | undefined) => token?.type === 'delim' && token.text === '>';
  const out: CssToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isGt(token) && isGt(tokens[i + 1]) && isGt(tokens[i + 2])) {
      out.push({ type: 'whitespace', text: ' ', start: token.start });
      i += 2;
      continue;
    }
    out.push(token);
  }
  return out;
}
