/** Reads a gadget or web-app project folder: what kind it is and its text files for the guest runtime. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectKind } from '../../../emulator-api/src/protocol/messages.js';
import { compileGadgetScripts } from './compile-scripts.js';
import { notInPackage } from '../../../emulator-api/src/common/package-files.js';
import { parseTemplates } from '../../../emulator-api/src/common/ttml/parse-ttml.js';
import type { ParsedTemplate } from '../../../emulator-api/src/common/ttml/parsed-templates.js';
import { networkTimeoutKeys, type NetworkTimeouts } from '../../../emulator-api/src/node/network-policy.js';

const TEXT_EXTENSIONS = new Set(['.js', '.json', '.ttml', '.ttss', '.wxs', '.sjs']);
const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export interface LoadedProject {
  readonly root: string;
  readonly kind: ProjectKind;
  readonly name: string;
  /** Package text files by posix path relative to the root (gadgets only; a web app is served as files). */
  readonly files: Readonly<Record<string, string>>;
  /** Source maps of the JS files compiled from ES modules (see compile-scripts.ts). */
  readonly sourceMaps: Readonly<Record<string, string>>;
  /** The .ttml files parsed for the guest (emulator-api/src/common/ttml/parsed-templates.ts). */
  readonly templates: Readonly<Record<string, ParsedTemplate>>;
  readonly appId: string | undefined;
  /** app.json `networkTimeout` (ms per API), when the gadget sets it. */
  readonly networkTimeout?: Partial<NetworkTimeouts>;
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
      const full = path.join(dir, entry.name);
      if (notInPackage(path.relative(root, full).split(path.sep).join('/'))) continue;
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

/** app.json "networkTimeout": { "request": 10000, … }; a value that is not a positive number of ms is an error. */
function readNetworkTimeout(value: unknown): Partial<NetworkTimeouts> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ProjectError('app.json networkTimeout must be an object such as { "request": 10000 }');
  const out: Partial<Record<keyof NetworkTimeouts, number>> = {};
  for (const [key, ms] of Object.entries(value)) {
    if (!(networkTimeoutKeys as readonly string[]).includes(key)) throw new ProjectError(`app.json networkTimeout.${key} is not known; use ${networkTimeoutKeys.join(', ')}`);
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) throw new ProjectError(`app.json networkTimeout.${key} must be a positive number of milliseconds, not ${JSON.stringify(ms)}`);
    out[key as keyof NetworkTimeouts] = ms;
  }
  return out;
}

export function loadProject(folder: string): LoadedProject {
  const root = path.resolve(folder);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new ProjectError(`project folder not found: ${folder}`);
  const config = fs.existsSync(path.join(root, 'project.config.json')) ? (readJson(path.join(root, 'project.config.json'), root) as { appid?: unknown; projectname?: unknown }) : {};
  const appId = typeof config.appid === 'string' && config.appid ? config.appid : undefined;
  const name = typeof config.projectname === 'string' && config.projectname ? config.projectname : path.basename(root);
  if (fs.existsSync(path.join(root, 'app.json'))) {
    const appJson = readJson(path.join(root, 'app.json'), root) as { pages?: unknown; networkTimeout?: unknown };
    if (!Array.isArray(appJson.pages) || appJson.pages.length === 0 || !appJson.pages.every((p) => typeof p === 'string')) {
      throw new ProjectError('app.json must list its pages: "pages": ["pages/index/index", …]');
    }
    const networkTimeout = readNetworkTimeout(appJson.networkTimeout);
    const files = collectTextFiles(root);
    return { root, kind: 'gadget', name, ...compileGadgetScripts(files), templates: parseTemplates(files), appId, ...(networkTimeout ? { networkTimeout } : {}) };
  }
  if (fs.existsSync(path.join(root, 'index.html'))) return { root, kind: 'webapp', name, files: {}, sourceMaps: {}, templates: {}, appId };
  throw new ProjectError(`${folder} is neither a Feishu gadget (no app.json) nor a web app (no index.html)`);
}
