/** Where a `{{ expr }}` ends: shared by the TTML parser (on the host) and the compiler (in the guest). */

/**
 * Finds the `}}` that closes the `{{` ending just before `from`: quotes are skipped, and braces of object
 * literals nest, so `{{ {a: {b: 1}} }}` closes at the last `}}`.
 */
export function findInterpolationClose(raw: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0 && raw[i + 1] === '}') return i;
      if (depth > 0) depth--;
    }
  }
  return -1;
}
