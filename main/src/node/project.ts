/** Reads a gadget or web-app project folder: what kind it is and its text files for the guest runtime. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectKind } from '../common/protocol.js';
import { compileGadgetScripts } from './compile-scripts.js';

const TEXT_EXTENSIONS = new Set(['.js', '.json', '.ttml', '.ttss', '.wxs', '.sjs']);
const MAX_TEXT_BYTES = 20 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'release']);

export interface LoadedProject {
  readonly root: string;
  readonly kind: ProjectKind;
  readonly name: string;
  /** Package text files by posix path relative to the root (gadgets only; a web app is served as files). */
  readonly files: Readonly<Record<string, string>>;
  /** Source maps of the JS files compiled from ES modules (see compile-scripts.ts). */
  readonly sourceMaps: Readonly<Record<string, string>>;
  readonly appId: string | undefined;
}

export class ProjectError extends Error {
  override readonly name = 'ProjectError';
}

function readJson(file: string, root: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProjectError(`${path.relative(root, file)} is not valid JSON: ${(error as Error).message}`);
  }
}

function collectTextFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name))) {
        total += fs.statSync(full).size;
        if (total > MAX_TEXT_BYTES) throw new ProjectError(`the package's text files are over ${MAX_TEXT_BYTES / 1024 / 1024} MB`);
        files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    }
  };
  walk(root);
  return files;
}

export function loadProject(folder: string): LoadedProject {
  const root = path.resolve(folder);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new ProjectError(`project folder not found: ${folder}`);
  const config = fs.existsSync(path.join(root, 'project.config.json')) ? (readJson(path.join(root, 'project.config.json'), root) as { appid?: unknown; projectname?: unknown }) : {};
  const appId = typeof config.appid === 'string' && config.appid ? config.appid : undefined;
  const name = typeof config.projectname === 'string' && config.projectname ? config.projectname : path.basename(root);
  if (fs.existsSync(path.join(root, 'app.json'))) {
    const appJson = readJson(path.join(root, 'app.json'), root) as { pages?: unknown };
    if (!Array.isArray(appJson.pages) || appJson.pages.length === 0 || !appJson.pages.every((p) => typeof p === 'string')) {
      throw new ProjectError('app.json must list its pages: "pages": ["pages/index/index", …]');
    }
    return { root, kind: 'gadget', name, ...compileGadgetScripts(collectTextFiles(root)), appId };
  }
  if (fs.existsSync(path.join(root, 'index.html'))) return { root, kind: 'webapp', name, files: {}, sourceMaps: {}, appId };
  throw new ProjectError(`${folder} is neither a Feishu gadget (no app.json) nor a web app (no index.html)`);
}
