/** Package paths: resolving a page url or a require() against the file that names it. */

/** Normalises a posix path without leading slash; '..' above the root stays at the root. */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `target` relative to the file `from` (or root-absolute with a leading slash). */
export function resolveFrom(from: string, target: string): string {
  return normalisePath(target.startsWith('/') ? target : `${dirname(from)}/${target}`);
}

export interface PageUrl {
  readonly route: string;
  readonly query: Record<string, string>;
}

/** `/pages/a/a?x=1`, `../b/b` (relative to the current page) → route and query. */
export function parsePageUrl(url: string, currentRoute: string | undefined): PageUrl {
  const [pathPart = '', queryPart = ''] = url.split('?', 2);
  const route = pathPart.startsWith('/') || !currentRoute ? normalisePath(pathPart) : resolveFrom(currentRoute, pathPart);
  const query: Record<string, string> = {};
  for (const pair of queryPart.split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=', 2);
    query[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return { route, query };
}
