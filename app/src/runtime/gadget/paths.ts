/** Page urls: `/pages/a/a?x=1` or a path relative to the current page, with its query. */
import { normalisePackagePath, resolvePackagePath } from '../../ttml/package-path.js';

export interface PageUrl {
  readonly route: string;
  readonly query: Record<string, string>;
}

/** `/pages/a/a?x=1`, `../b/b` (relative to the current page) → route and query. */
export function parsePageUrl(url: string, currentRoute: string | undefined): PageUrl {
  const [pathPart = '', queryPart = ''] = url.split('?', 2);
  const route = pathPart.startsWith('/') || !currentRoute ? normalisePackagePath(pathPart) : resolvePackagePath(currentRoute, pathPart);
  const query: Record<string, string> = {};
  for (const pair of queryPart.split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=', 2);
    query[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return { route, query };
}
