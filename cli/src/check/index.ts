/**
 * `ttsim check`: a static compatibility scan of a gadget or web app. `checkProject` reads the project,
 * finds every tt.* API and component it uses (scan-js.ts, scan-ttml.ts, scan-html.ts) and checks each
 * against the support matrix of the app kind and platforms targeted (report.ts). Importable: the devtools
 * UI can call it as the CLI does.
 *
 * Which files: a gadget's are those `ttsim dev` loads (main/src/node/project.ts: every .js, .json and
 * .ttml below the root except node_modules, dist, release and dot-folders; miniprogram_npm is scanned, as
 * its code ships in the package and runs on the client). A web app's are its .html pages (node_modules and
 * dot-folders skipped), their inline scripts, the local files their `<script src>` names, and the local
 * modules those import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProject, type LoadedProject } from '../../../main/src/node/project.js';
import { findApi } from '../../../emulator-api/src/common/registry.js';
import { appKinds, platforms as allPlatforms, type AppKind, type Platform } from '../../../emulator-api/src/common/types.js';
import { Findings } from './findings.js';
import { buildReport } from './report.js';
import { scanScript, type ScriptResult, type ScriptScan } from './scan-js.js';
import { scanHtml } from './scan-html.js';
import { scanTtml } from './scan-ttml.js';
import type { CheckReport } from './types.js';

export type { CheckReport } from './types.js';
export { renderReport } from './render.js';

export interface CheckOptions {
  /** The app kind whose matrix to check against; default: the project's kind (gadget: app.json, web app: index.html). */
  readonly app?: AppKind;
  /** Default: all four. */
  readonly platforms?: readonly Platform[];
}

const SCRIPT_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);
const H5SDK_PREFIX = 'h5sdk.';

function addScript(findings: Findings, file: string, result: ScriptResult): ScriptScan['imports'] {
  if (!result.ok) {
    findings.parseErrors.push({ file, line: result.line, column: result.column, message: result.message });
    return [];
  }
  const { scan } = result;
  for (const { api, line, column, guardedBy } of scan.uses) {
    // window.h5sdk's members are checked where the registry has them (h5sdk.config), listed otherwise.
    if (api.startsWith(H5SDK_PREFIX) && !findApi(api)) Findings.add(findings.h5sdk, api.slice(H5SDK_PREFIX.length), { file, line, column });
    else Findings.add(findings.apiUses, api, { file, line, column, guardedBy });
  }
  for (const check of scan.featureChecks) Findings.add(findings.featureChecks, check.name, { file, line: check.line, column: check.column });
  for (const note of scan.notes) findings.notes.push({ file, line: note.line, column: note.column, message: note.name });
  return scan.imports;
}

function addUsingComponents(findings: Findings, file: string, text: string): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    findings.parseErrors.push({ file, line: 1, column: 1, message: `not valid JSON: ${(error as Error).message}` });
    return;
  }
  const using = (json as { usingComponents?: unknown } | null)?.usingComponents;
  if (using === null || typeof using !== 'object') return;
  for (const [tag, componentPath] of Object.entries(using as Record<string, unknown>)) {
    const known = findings.customComponents.get(tag);
    if (known) known.declaredIn.push(file);
    else findings.customComponents.set(tag, { path: String(componentPath), declaredIn: [file] });
  }
}

function scanGadget(project: LoadedProject, findings: Findings): void {
  for (const file of Object.keys(project.files).sort()) {
    const text = project.files[file]!;
    const extension = path.posix.extname(file);
    if (SCRIPT_EXTENSIONS.has(extension)) addScript(findings, file, scanScript(text));
    else if (extension === '.json') addUsingComponents(findings, file, text);
    else if (extension === '.ttml') {
      const result = scanTtml(file, text);
      if (!result.ok) findings.parseErrors.push({ file, line: result.line, column: result.column, message: result.message });
      else {
        for (const tag of result.tags) Findings.add(findings.tagUses, tag.tag, { file, line: tag.line, column: tag.column });
        for (const note of result.notes) findings.notes.push({ file, line: note.line, column: note.column, message: note.message });
      }
    } else continue;
    findings.files.push(file);
  }
}

function htmlFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.html?$/i.test(entry.name)) out.push(full);
    }
  };
  walk(root);
  return out;
}

function scanWebApp(root: string, findings: Findings): void {
  const relative = (full: string) => path.relative(root, full).split(path.sep).join('/');
  const inside = (full: string) => full === root || full.startsWith(root + path.sep);
  const queued = new Set<string>();
  const queue: { full: string; module: boolean }[] = [];
  /** A local file named by a page or an import, with the extensions a bundler-less page may leave off. */
  const enqueue = (full: string, module: boolean, from: { file: string; line: number; column: number }, what: string) => {
    const found = [full, `${full}.js`, `${full}.mjs`, path.join(full, 'index.js')].find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile());
    if (!found || !inside(found)) {
      findings.notes.push({ ...from, message: `${what} is not a file inside the project: not scanned` });
      return;
    }
    if (!queued.has(found)) {
      queued.add(found);
      queue.push({ full: found, module });
    }
  };
  for (const page of htmlFiles(root)) {
    const file = relative(page);
    findings.files.push(file);
    const scripts = scanHtml(fs.readFileSync(page, 'utf8'));
    for (const script of scripts.inline) addScript(findings, file, scanScript(script.source, { preferScript: !script.module }));
    for (const reference of scripts.external) {
      const src = reference.src.trim().replace(/[?#].*$/, '');
      if (src === '' || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) continue; // another origin: not part of the project
      const full = src.startsWith('/') ? path.join(root, src) : path.resolve(path.dirname(page), src);
      enqueue(full, reference.module, { file, line: reference.line, column: reference.column }, `<script src="${reference.src}">`);
    }
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    const file = relative(next.full);
    findings.files.push(file);
    const imports = addScript(findings, file, scanScript(fs.readFileSync(next.full, 'utf8'), { preferScript: !next.module }));
    for (const { name: specifier, line, column } of imports) {
      // Bare specifiers (npm packages) are resolved by a bundler, which leaves none in code a page loads.
      if (!/^\.{0,2}\//.test(specifier)) continue;
      const full = specifier.startsWith('/') ? path.join(root, specifier) : path.resolve(path.dirname(next.full), specifier);
      enqueue(full, true, { file, line, column }, `"${specifier}"`);
    }
  }
}

/** Throws ProjectError (main/src/node/project.ts) for a folder that is neither a gadget nor a web app. */
export function checkProject(dir: string, options: CheckOptions = {}): CheckReport {
  const project = loadProject(dir);
  const app = options.app ?? project.kind;
  if (!appKinds.includes(app)) throw new Error(`unknown app kind ${JSON.stringify(app)}; expected ${appKinds.join(' or ')}`);
  const wanted = options.platforms ?? allPlatforms;
  const strange = wanted.filter((p) => !allPlatforms.includes(p));
  if (strange.length > 0 || wanted.length === 0) throw new Error(`platforms must be some of ${allPlatforms.join(', ')}; received ${JSON.stringify(wanted)}`);
  const platforms = allPlatforms.filter((p) => wanted.includes(p));
  const findings = new Findings();
  if (project.kind === 'gadget') scanGadget(project, findings);
  else scanWebApp(project.root, findings);
  return buildReport({ root: project.root, kind: project.kind, name: project.name }, { app, platforms }, findings);
}
