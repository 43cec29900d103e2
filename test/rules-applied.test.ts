/**
 * Every behaviour rule the registry declares is applied by some code, so that users can see it in the call
 * log: its id appears as a quoted string literal in emulator-api/src, app/src or main/src somewhere else than
 * its own `id: '…'` declaration (ctx.applyRule('…'), TtError(…, { rule: '…' }), a table of rule ids), or the
 * rule describes a parameter's schema check (`validates`), which Invocation.prepare records itself.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.js';
import { listApis } from '../emulator-api/src/common/registry.js';

const roots = ['emulator-api/src', 'app/src', 'main/src'];

/** A rule's own declaration, `id: 'x'` (any quote), which does not count as a use. */
const declaration = /\bid\s*:\s*(['"`])[^'"`\n]*\1/g;

/** The sources, declarations left out. */
function sourcesWithoutDeclarations(): string {
  return roots
    .flatMap(sourceFiles)
    .map((file) => fs.readFileSync(file, 'utf8').replace(declaration, ''))
    .join('\n');
}

/** Whether `id` appears in `text` as a whole quoted string literal ('id', "id" or `id`). */
function quoted(text: string, id: string): boolean {
  const escaped = id.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  return new RegExp(`(['"\`])${escaped}\\1`).test(text);
}

describe('behaviour rules', () => {
  it('are each applied by some code (or describe a parameter check)', () => {
    const sources = sourcesWithoutDeclarations();
    const unapplied = new Map<string, string[]>();
    for (const spec of listApis()) {
      for (const rule of spec.behaviours) {
        if (rule.validates !== undefined || quoted(sources, rule.id)) continue;
        unapplied.set(rule.id, [...(unapplied.get(rule.id) ?? []), spec.name]);
      }
    }
    const report = [...unapplied].map(([id, apis]) => `${id} (${apis.join(', ')})`);
    expect(report, `declared but never applied (no ctx.applyRule / TtError rule names them):\n${report.join('\n')}`).toEqual([]);
  });

  it('the check sees a rule that nothing applies', () => {
    // The declaration itself is not a use; a quoted literal elsewhere is, a longer id is not.
    expect(quoted("  { id: 'nowhere-else', platforms: 'all', text: 'x' },".replace(declaration, ''), 'nowhere-else')).toBe(false);
    expect(quoted("ctx.applyRule('somewhere');".replace(declaration, ''), 'somewhere')).toBe(true);
    expect(quoted("throw new TtError(errno, detail, { rule: \"some-where\" });", 'some-where')).toBe(true);
    expect(quoted("ctx.applyRule('somewhere-else');", 'somewhere')).toBe(false);
  });

  it('a rule that validates a parameter names one of its API\'s parameters', () => {
    for (const spec of listApis()) {
      for (const rule of spec.behaviours) {
        if (rule.validates !== undefined) expect(Object.keys(spec.params.shape), `${spec.name} ${rule.id}`).toContain(rule.validates);
      }
    }
  });
});
