import { describe, expect, it } from 'vitest';
import { parseTemplates, parseTtml } from '../../emulator-api/src/common/ttml/parse-ttml.js';
import { templateParser } from '../../emulator-api/src/common/ttml/parsed-templates.js';
import { SourceFile } from '../../emulator-api/src/common/ttml/source-file.js';
import { compileTtml } from '../src/ttml/index.js';
import { webBundle } from '../../test/web-bundle.js';

describe('the gadget runtime bundle', () => {
  it('carries the TTML compiler but not the HTML tokenizer (the host parses the templates), and can be inlined', async () => {
    const { inputs, text } = await webBundle('app/src/runtime/gadget-entry.ts');
    expect(inputs.some((file) => file.endsWith('app/src/ttml/compile-file.ts'))).toBe(true);
    expect(inputs.filter((file) => /node_modules\/(htmlparser2|entities)\/|parse-ttml/.test(file))).toEqual([]);
    // The runtime's page carries it in a <script> element (main/src/node/pages.ts).
    expect(text).not.toMatch(/<\/script/i);
  }, 30_000);
});

describe('templates parsed by the host', () => {
  const files = {
    'pages/a.ttml': '<view class="x">{{ a < b ? "&lt;" : n }}</view>\n<include src="b"/>',
    'pages/b.ttml': '<text>b</text>',
    'pages/broken.ttml': '<view>\n  <text>never closed\n</view>',
    'pages/a.js': 'Page({})',
  };
  const parse = templateParser(parseTemplates(files));

  it('give the guest the trees parseTtml makes, for .ttml files only', () => {
    expect(Object.keys(parseTemplates(files)).sort()).toEqual(['pages/a.ttml', 'pages/b.ttml', 'pages/broken.ttml']);
    const file = new SourceFile('pages/a.ttml', files['pages/a.ttml']);
    expect(parse(file)).toEqual(parseTtml(file));
    const compiled = compileTtml(files['pages/a.ttml'], { path: 'pages/a.ttml', load: (p) => files[p as keyof typeof files], parse });
    expect(compiled.render({ a: 1, b: 2, n: 3 })).toMatchObject([{ tag: 'view', children: [{ text: '<' }] }, { tag: 'text' }]);
  });

  it('raise a file that does not parse as the same TtmlError, where the guest compiles it', () => {
    const file = new SourceFile('pages/broken.ttml', files['pages/broken.ttml']);
    const direct = (() => { try { parseTtml(file); } catch (error) { return error as Error; } })();
    expect(direct?.name).toBe('TtmlError');
    expect(() => parse(file)).toThrow(direct!.message);
    expect(() => parse(new SourceFile('pages/missing.ttml', ''))).toThrow(/did not parse this file/);
  });
});
