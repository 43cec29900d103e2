import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it.each([
    ['emulator-api/src/node/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['emulator-api/src/node/x.ts', "import { x } from '../../../main/src/node/x.js';\nexport const a = x;"],
    ['emulator-api/src/common/x.ts', "import * as fs from 'node:fs';\nexport const a = fs;"],
    ['emulator-api/src/common/x.ts', "import sharp from 'sharp';\nexport const a = sharp;"],
    ['emulator-api/src/common/x.ts', "import { sniff } from '../node/images.js';\nexport const a = sniff;"],
    ['main/src/node/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/src/x.ts', "import * as path from 'path';\nexport const a = path;"],
    ['app/src/x.ts', "import { createSession } from '../../main/src/node/host.js';\nexport const a = createSession;"],
    ['renderer/src/x.ts', "import { launch } from '../../main/src/automation/index.js';\nexport const a = launch;"],
    ['app/src/x.ts', "import { sniff } from '../../emulator-api/src/node/images.js';\nexport const a = sniff;"],
  ])('rejects %s importing across layers', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['emulator-api/src/node/x.ts', "import * as fs from 'node:fs';\nimport { Errno } from '../common/errors.js';\nexport const a = [fs, Errno];"],
    ['main/src/electron-main/x.ts', "import { app } from 'electron';\nimport { createSession } from '../../../emulator-api/src/index.js';\nexport const a = [app, createSession];"],
    ['app/src/runtime/x.ts', "import type { BootPayload } from '../../../main/src/common/protocol.js';\nimport { Errno } from '../../../emulator-api/src/common/errors.js';\nexport const a: [BootPayload?, typeof Errno?] = [];"],
  ])('allows %s importing downwards', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
