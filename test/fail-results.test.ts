/**
 * Every fail result is made by one builder (emulator-api/src/common/fail-result.ts): a source file that writes
 * `errString:` into an object or a `<word>:fail ` errMsg template by hand fails this test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.js';
import { failFromError, failResult, notEmulatedFail } from '../emulator-api/src/common/fail-result.js';
import { TtError } from '../emulator-api/src/common/errors.js';

const roots = ['emulator-api/src', 'app/src', 'main/src', 'renderer/src', 'cli/src', 'protocol'];
const builder = path.normalize('emulator-api/src/common/fail-result.ts');

/** `errString: <value>` that is not a type annotation (`errString: string`) nor a copy of a field (`this.errString`). */
const handBuiltErrString = /\berrString\s*:(?!\s*string\b)(?!\s*this\.errString\b)/;
/** A template literal that composes an errMsg: `${name}:fail …` or `word:fail ${…}`. */
const handBuiltErrMsg = /`[^`\n]*(\$\{[^}]+\}|\w+):fail [^`\n]*`/;

describe('fail results', () => {
  it('are built only by fail-result.ts', () => {
    const offenders: string[] = [];
    for (const file of roots.flatMap(sourceFiles)) {
      if (path.normalize(file) === builder) continue;
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/^\s*(\*|\/\*)/.test(code)) return;
        // Behaviour rule texts quote real clients' errMsgs ('… fails with "showActionSheet:fail cancel"').
        if (/\btext:\s*'/.test(code) || /provenance:/.test(code)) return;
        if (handBuiltErrString.test(code) || handBuiltErrMsg.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the guard itself catches a hand-built fail result', () => {
    expect(handBuiltErrString.test("return { errMsg: 'x:fail y', errno: 104, errString: errnoMeaning[104] };")).toBe(true);
    expect(handBuiltErrMsg.test('return { errMsg: `${api}:fail ${detail}` };')).toBe(true);
    expect(handBuiltErrString.test('  readonly errString: string;')).toBe(false);
  });

  it('name the API by its last part, carry errno and its meaning, and say what to fix', () => {
    expect(failResult('FileSystemManager.readFile', 203, 'no such file ttfile://temp/a.png')).toEqual({ errMsg: 'readFile:fail no such file ttfile://temp/a.png', errno: 203, errString: 'file does not exist' });
    expect(failFromError('compressImage', new TtError(104, 'quality must be 1..100'))).toMatchObject({ errMsg: 'compressImage:fail quality must be 1..100', errno: 104 });
    expect(failFromError('compressImage', new Error('boom'))).toMatchObject({ errMsg: 'compressImage:fail ttsim internal error: boom', errno: 102 });
    expect(notEmulatedFail('startRecord')).toEqual({ errMsg: 'startRecord:fail startRecord is not emulated by ttsim', errno: 103, errString: 'feature not supported' });
  });
});
