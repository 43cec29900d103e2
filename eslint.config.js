// Lint, and the layering rule: each folder may import only the layers below it
// (emulator-api ← main ← transports; app and renderer never import Node code). See README "Architecture".
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** A layer's no-restricted-imports rule: forbidden module names and path patterns, each with the reason. */
function layer(files, { modules = [], patterns = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { paths: modules, patterns }],
    },
  };
}

const noElectron = { name: 'electron', message: 'Electron is imported only in main/src/electron-main.' };
const upper = (what, ...groups) => ({ group: groups, message: `layering: ${what}` });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'coverage/**'] },
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
  layer(['emulator-api/**/*.ts'], {
    modules: [noElectron],
    patterns: [upper('emulator-api is the bottom layer: it imports nothing from main, app, renderer or cli', '**/main/**', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
  layer(['emulator-api/src/common/**/*.ts'], {
    modules: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'emulator-api/src/common runs anywhere: Node APIs belong in emulator-api/src/node.' })), { name: 'sharp', message: 'image work belongs in emulator-api/src/node' }, { name: 'file-type', message: 'sniffing belongs in emulator-api/src/node' }],
    patterns: [upper('common code may not import node code', '**/node/**'), upper('emulator-api is the bottom layer', '**/main/**', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
  layer(['main/src/common/**/*.ts', 'main/src/node/**/*.ts'], {
    modules: [noElectron],
    patterns: [upper('the host core is transport-agnostic and never imports the guest or the UI', '**/app/**', '**/renderer/**', '**/cli/**', '**/electron-main/**')],
  }),
  layer(['main/src/electron-main/**/*.ts'], {
    patterns: [upper('main never imports the guest runtime or the UI code', '**/app/**', '**/renderer/**', '**/cli/**')],
  }),
  layer(['app/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'], {
    modules: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'app and renderer run in a browser: no Node modules.' })), { name: 'sharp', message: 'no Node modules in the browser' }],
    patterns: [
      upper('app and renderer reach the host only through the bridge', '**/emulator-api/src/node/**', '**/cli/**'),
      { regex: '(^|/)main/(?!src/common/)', message: 'layering: app and renderer may use only main/src/common (the bridge protocol), never the host itself' },
    ],
  }),
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
    files: ['bench/**/*.mjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
