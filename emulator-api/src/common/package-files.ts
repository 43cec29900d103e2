/**
 * What a Feishu package contains, as ttsim serves it to the guest: the one rule for the boot payload, the
 * HTTP file routes and the package paths of the FileSystemManager. A project folder holds more than its
 * package (.git, .env, editor folders, node_modules); none of that reaches the guest.
 */

/** Folders of a project that are its tools' output, not its package (at the top level only). */
const TOOL_OUTPUT_DIRS = new Set(['dist', 'release']);

/**
 * Why `relative` (a posix path inside the project, no leading slash) is not part of the package, or
 * undefined when it is. Dot-files and dot-folders never are; `node_modules` only inside miniprogram_npm
 * (the built npm packages a gadget ships).
 */
export function notInPackage(relative: string): string | undefined {
  const parts = relative.split('/').filter((p) => p !== '' && p !== '.');
  for (const [index, part] of parts.entries()) {
    if (part.startsWith('.')) return `${part} is a dot-file or dot-folder`;
    if (part === 'node_modules' && !parts.slice(0, index).includes('miniprogram_npm')) return 'node_modules is not part of a package (build it into miniprogram_npm)';
    if (index === 0 && TOOL_OUTPUT_DIRS.has(part)) return `${part}/ is a build output folder`;
  }
  return undefined;
}
