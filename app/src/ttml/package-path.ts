/** Package paths (`pages/index/index.ttml`, no leading slash), shared by the TTML and TTSS compilers. */

/** Normalises `a/./b/../c` → `a/c`; `..` above the package root stays at the root. */
export function normalisePackagePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** `target` relative to the file `from`, or root-absolute with a leading `/`. */
export function resolvePackagePath(from: string, target: string): string {
  if (target.startsWith('/')) return normalisePackagePath(target);
  const slash = from.lastIndexOf('/');
  return normalisePackagePath(`${slash < 0 ? '' : from.slice(0, slash)}/${target}`);
}
