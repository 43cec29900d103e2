// Lint, and the layering rule: each folder may import only the layers below it
// (emulator-api/common ← protocol ← emulator-api/node ← main ← transports, CLI and tools; app and renderer
// reach the host only through the protocol and never import Node code). Every source file belongs to a
// layer: a file no layer covers fails lint. See README "Architecture"; test/layering.test.ts proves each rule can fail.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The file globs of every layer, for the coverage check at the end. */
const layered = [];

/**
 * A layer: the files it holds and what they may not import (module names and path patterns, each with the
 * reason). `typeOnly` patterns may still be imported with `import type` (their types, no code).
 */
function layer(name, files, { modules = [], patterns = [], typeOnly = [] } = {}) {
  layered.push(...files);
  return {
    name: `layer: ${name}`,
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: modules,
        patterns: [...patterns, ...typeOnly.map((p) => ({ ...p, allowTypeImports: true }))],
      }],
    },
  };
}

const noElectron = { name: 'electron', message: 'Electron is imported only in main/src/electron-main (its types may be imported anywhere).', allowTypeImports: true };
const upper = (what, ...groups) => ({ group: groups, message: `layering: ${what}` });
const nodeModulesFor = (message) => [...nodeBuiltins.map((name) => ({ name, message })), { name: 'sharp', message }, { name: 'file-type', message }, { name: 'ws', message }];

const layers = [
  layer('emulator-api common (runs anywhere)', ['emulator-api/src/common/**/*.ts'], {
    modules: [noElectron, ...nodeModulesFor('emulator-api/src/common runs anywhere: Node APIs belong in emulator-api/src/node.')],
    patterns: [upper('common code may not import node code or the protocol above it', '**/node/**', '**/protocol/**'), upper('emulator-api is the bottom layer', '**/main/**', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
  layer('protocol (the messages between the host and its clients)', ['emulator-api/src/protocol/**/*.ts'], {
    modules: [noElectron, ...nodeModulesFor('the protocol is shared with the browser side: no Node modules.')],
    patterns: [upper("the protocol imports nothing but the registry's common types", '**/node/**', '**/main/**', '**/app/**', '**/renderer/**', '**/cli/**', '../index.js')],
  }),
  layer('emulator-api node (the engine in Node)', ['emulator-api/src/node/**/*.ts', 'emulator-api/src/*.ts', 'emulator-api/test/**/*.ts'], {
    modules: [noElectron],
    patterns: [upper('emulator-api is the bottom layer: it imports nothing from main, app, renderer or cli', '**/main/**', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
  layer('host core (transport-agnostic)', ['main/src/node/**/*.ts'], {
    modules: [noElectron],
    patterns: [upper('the host core never imports the guest, the UI, the CLI, Electron or the SDK', '**/app/**', '**/renderer/**', '**/cli/**', '**/electron-main/**', '**/automation/**', '**/qa/**')],
  }),
  layer('automation SDK', ['main/src/automation/**/*.ts'], {
    modules: [noElectron],
    patterns: [upper('the SDK drives the host and a browser; it never imports guest or UI code, nor the QA kit above it', '**/app/**', '**/renderer/**', '**/cli/**', '**/electron-main/**', '**/qa/**')],
  }),
  layer('QA kit (ttsim/test fixtures on Playwright Test, ttsim/reporter and its report)', ['main/src/qa/**/*.ts'], {
    modules: [noElectron],
    patterns: [upper('the QA kit builds on the SDK and the host; it never imports guest or UI code, the CLI or Electron', '**/app/**', '**/renderer/**', '**/cli/**', '**/electron-main/**')],
  }),
  layer('Electron main process and its preload', ['main/src/electron-main/**/*.{ts,cts}'], {
    patterns: [upper('main never imports the guest runtime or the UI code', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
  layer('guest runtime and devtools UI (browser)', ['app/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'], {
    modules: [noElectron, ...nodeModulesFor('app and renderer run in a browser: no Node modules.')],
    patterns: [upper('app and renderer reach the host only through the protocol: never the host, the SDK, the CLI or the engine in Node', '**/main/**', '**/emulator-api/src/node/**', '**/emulator-api/src/index.js', '**/cli/**')],
    typeOnly: [
      { group: ['**/protocol/messages.js'], message: "layering: app and renderer take the protocol's message types only (import type); its zod schemas stay on the host" },
      { group: ['zod'], message: 'layering: no zod in the browser bundles (the host validates)' },
    ],
  }),
  layer('CLI', ['cli/**/*.ts', 'bin/**/*.js'], {
    modules: [noElectron],
    // ttsim check reads templates with the parser the host parses them with for the guest (emulator-api/src/common/ttml).
    patterns: [upper('the CLI drives the engine and the host; it never imports guest or UI code', '**/app/**', '**/renderer/**', '**/electron-main/**')],
  }),
  layer('tools: tests, e2e, benchmarks, scripts, dev servers, config', ['test/**/*.{ts,mjs}', 'main/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.mjs', 'scripts/**/*.{ts,mjs}', 'examples/**/*.mjs', 'examples/qa/**/*.ts', '*.config.{js,ts}'], {
    modules: [noElectron],
  }),
  layer('gadgets and web apps (guest code of the examples and fixtures)', ['examples/**/*.js', 'e2e/fixtures/**/*.js'], {
    modules: nodeModulesFor('gadget code runs in the simulated client: no Node modules.'),
    patterns: [upper('gadget code is guest code: it imports nothing of ttsim', '**/emulator-api/**', '**/main/**', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
];

/** Reports a file that no layer covers (as VS Code's code-layering does). */
const layerCoverage = {
  rules: {
    'in-a-layer': {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        Program: (node) => context.report({ node, message: `layering: ${context.filename.replace(`${context.cwd}/`, '')} belongs to no layer; add its folder to a layer in eslint.config.js` }),
      }),
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'coverage/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...layers,
  {
    files: ['**/*.{ts,tsx,cts,mts,js,mjs,cjs}'],
    ignores: layered,
    plugins: { layering: layerCoverage },
    rules: { 'layering/in-a-layer': 'error' },
  },
  {
    // Example gadgets and web apps: the globals the Feishu runtime gives them.
    files: ['examples/**/*.js', 'e2e/fixtures/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.browser, ...globals.commonjs, tt: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', Behavior: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly', h5sdk: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['bench/**/*.mjs', 'bin/**/*.js', 'test/**/*.mjs', 'examples/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
