import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The layering messages lint gives `code` as if it were the file `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'layering/in-a-layer').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it.each([
    ['emulator-api/src/node/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['emulator-api/src/node/x.ts', "import { x } from '../../../main/src/node/x.js';\nexport const a = x;"],
    ['emulator-api/src/common/x.ts', "import * as fs from 'node:fs';\nexport const a = fs;"],
    ['emulator-api/src/common/x.ts', "import sharp from 'sharp';\nexport const a = sharp;"],
    ['emulator-api/src/common/x.ts', "import { sniff } from '../node/images.js';\nexport const a = sniff;"],
    ['emulator-api/src/common/x.ts', "import { guestOps } from '../protocol/messages.js';\nexport const a = guestOps;"],
    ['emulator-api/src/protocol/x.ts', "import { createSession } from '../node/session.js';\nexport const a = createSession;"],
    ['emulator-api/src/protocol/x.ts', "import * as fs from 'node:fs';\nexport const a = fs;"],
    ['main/src/node/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['main/src/node/x.ts', "import { launch } from '../automation/index.js';\nexport const a = launch;"],
    ['main/src/automation/x.ts', "import { buildTt } from '../../../app/src/runtime/tt.js';\nexport const a = buildTt;"],
    ['main/src/electron-main/x.ts', "import { x } from '../../../renderer/src/x.js';\nexport const a = x;"],
    ['renderer/src/x.ts', "import * as path from 'path';\nexport const a = path;"],
    ['app/src/x.ts', "import { createSession } from '../../main/src/node/host.js';\nexport const a = createSession;"],
    ['renderer/src/x.ts', "import { launch } from '../../main/src/automation/index.js';\nexport const a = launch;"],
    ['app/src/x.ts', "import { sniff } from '../../emulator-api/src/node/images.js';\nexport const a = sniff;"],
    ['app/src/x.ts', "import { createSession } from '../../emulator-api/src/index.js';\nexport const a = createSession;"],
    ['renderer/src/x.ts', "import { guestOps } from '../../emulator-api/src/protocol/messages.js';\nexport const a = guestOps;"],
    ['app/src/x.ts', "import { z } from 'zod';\nexport const a = z;"],
    ['cli/src/x.ts', "import { buildTt } from '../../app/src/runtime/tt.js';\nexport const a = buildTt;"],
    ['cli/src/x.ts', "import { compileTtml } from '../../app/src/ttml/index.js';\nexport const a = compileTtml;"],
    ['examples/demo/app.js', "import { createSession } from '../../emulator-api/src/index.js';\nexport const a = createSession;"],
    ['tools/new-folder/x.ts', 'export const a = 1;'],
  ])('rejects %s: %s', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['emulator-api/src/node/x.ts', "import * as fs from 'node:fs';\nimport { Errno } from '../common/errors.js';\nexport const a = [fs, Errno];"],
    ['emulator-api/src/protocol/x.ts', "import { z } from 'zod';\nimport { Errno } from '../common/errors.js';\nexport const a = [z, Errno];"],
    ['main/src/electron-main/x.ts', "import { app } from 'electron';\nimport { createSession } from '../../../emulator-api/src/index.js';\nexport const a = [app, createSession];"],
    ['app/src/runtime/x.ts', "import type { BootPayload } from '../../../emulator-api/src/protocol/messages.js';\nimport { PROTOCOL_VERSION } from '../../../emulator-api/src/protocol/version.js';\nimport { Errno } from '../../../emulator-api/src/common/errors.js';\nexport const a: [BootPayload?, number?, typeof Errno?] = [];"],
    ['cli/src/x.ts', "import { parseTtml } from '../../emulator-api/src/common/ttml/parse-ttml.js';\nexport const a = parseTtml;"],
    ['main/src/node/x.ts', "import { parseTemplates } from '../../../emulator-api/src/common/ttml/parse-ttml.js';\nexport const a = parseTemplates;"],
    ['bench/x.mjs', "import { launch } from '../dist/main/src/automation/index.js';\nexport const a = launch;"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
