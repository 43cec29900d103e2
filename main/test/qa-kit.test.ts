/** The QA kit's parts that need no browser: profile specs, the projects helper, the report model and its HTML / JUnit writers. */
import { describe, expect, it } from 'vitest';
import { parseProfileList, parseProfileSpec, profileName } from '../src/qa/profile-spec.js';
import { edgeProfiles as edgeProfilesOfProject, profiles } from '../src/qa/config.js';
import { oddOnesOut, stepRows, summarise, type ProfileResult, type ReportTest } from '../src/qa/report-model.js';
import { renderHtmlReport } from '../src/qa/report-html.js';
import { renderJunit } from '../src/qa/report-junit.js';
import type { QaCall, QaRun, QaStep } from '../src/qa/run-record.js';
import { edgeProfiles, projectsByKind, qaConfig } from '../../cli/src/qa.js';

describe('profile specs', () => {
  it('reads platform, client, app kind and device', () => {
    expect(parseProfileSpec('ios@7.35.0')).toEqual({ platform: 'ios', client: '7.35.0' });
    expect(parseProfileSpec('webapp:pc@3.46')).toEqual({ app: 'webapp', platform: 'pc', client: '3.46.0' });
    expect(parseProfileSpec('gadget:android@7.35.0/pixel-8')).toEqual({ app: 'gadget', platform: 'android', client: '7.35.0', device: 'pixel-8' });
    expect(parseProfileSpec('harmony').client).toMatch(/^\d+\.\d+\.\d+$/);
    expect(profileName({ platform: 'pc', client: '3.47.0', app: 'webapp' })).toBe('webapp:pc@3.47.0');
  });

  it('says what to fix', () => {
    expect(() => parseProfileSpec('iphone@7.35.0')).toThrow(/unknown platform "iphone".*e\.g\. ios@7\.35\.0/);
    expect(() => parseProfileSpec('miniapp:ios')).toThrow(/unknown app kind "miniapp"/);
    expect(() => parseProfileSpec('ios@seven')).toThrow(/invalid client version "seven"/);
    expect(() => parseProfileSpec('ios@7.35.0/pixel-8')).toThrow(/pixel-8 is an Android device/);
    expect(() => parseProfileList(' , ')).toThrow(/no profiles given/);
  });

  it('profiles() makes one Playwright project per profile and refuses a duplicate', () => {
    const projects = profiles(['ios@7.35.0', 'webapp:pc@3.46.0'], { projectDir: 'x' });
    expect(projects).toEqual([
      { name: 'ios@7.35.0', use: { projectDir: 'x', profile: 'ios@7.35.0' } },
      { name: 'webapp:pc@3.46.0', use: { projectDir: 'x', profile: 'webapp:pc@3.46.0' } },
    ]);
    expect(() => profiles(['ios@7.35', 'ios@7.35.0'])).toThrow(/ios@7.35.0 is listed twice/);
  });
});

const call = (api: string, ok: boolean, extra: Partial<QaCall> = {}): QaCall => ({
  seq: 1, api, params: {}, ok, errMsg: `${api}:${ok ? 'ok' : 'fail'}`, result: {}, rules: [], durationMs: 1, mocked: false, images: [], ...(ok ? {} : { errno: 103 }), ...extra,
});
const out = (format: string) => ({ role: 'output' as const, path: 'ttfile://temp/x', bytes: 10, format });
const rule = (id: string) => ({ id, text: `rule ${id}`, provenance: { kind: 'documented' as const, source: 'https://open.feishu.cn/x' } });
const step = (title: string, calls: QaCall[]): QaStep => ({ title, status: 'passed', calls, guestErrors: [] });
const result = (profile: string, steps: QaStep[], status: ProfileResult['status'] = 'passed'): ProfileResult => ({
  profile, status, durationMs: 1000, files: new Map(),
  run: { format: 'ttsim-run@1', profileName: profile, profile: { app: 'gadget', platform: 'ios', client: '7.35.0', device: 'iphone-15' }, project: 'demo', steps } satisfies QaRun,
});

describe('the report model', () => {
  it('marks the odd ones out, or every column on a tie', () => {
    expect(oddOnesOut(['a', 'a', 'a'])).toEqual([false, false, false]);
    expect(oddOnesOut(['jpeg', 'png', 'png', 'png', 'fail'])).toEqual([true, false, false, false, true]);
    expect(oddOnesOut(['a', 'b'])).toEqual([true, true]);
    expect(oddOnesOut(['a', undefined, 'a'])).toEqual([false, true, false]);
  });

  it('lines steps up by title and calls by api and occurrence, and finds the rules behind a difference', () => {
    const results = [
      result('ios', [step('compress', [call('getSystemInfo', true), call('compressImage', true, { images: [out('jpeg')], rules: [rule('fresh-path'), rule('ios-always-jpeg')] })])]),
      result('android', [step('compress', [call('compressImage', true, { images: [out('png')], rules: [rule('fresh-path'), rule('other-formats-unchanged')] })])]),
      result('webapp', [step('compress', [call('compressImage', false, { rules: [rule('support')] })])]),
    ];
    const [row] = stepRows(results);
    expect(row!.differs).toBe(true);
    // getSystemInfo only in iOS: odd; compressImage differs three ways (a tie): every column.
    expect(row!.callDiffers).toEqual([[true, true], [true], [true]]);
    expect([...row!.distinctRules].sort()).toEqual(['ios-always-jpeg', 'other-formats-unchanged']);
    expect(summarise([{ title: 't', file: 'f', results }])).toMatchObject({ tests: 3, passed: 3, failed: 0, differingSteps: 1 });
  });

  it('finds no difference where every profile answered alike', () => {
    const same = () => [step('a', [call('compressImage', true, { images: [out('jpeg')] })]), step('a', [call('getSystemInfo', true)])];
    const rows = stepRows([result('ios', same()), result('android', same())]);
    expect(rows.map((r) => [r.title, r.differs])).toEqual([['a', false], ['a', false]]);
  });
});

describe('the report writers', () => {
  const tests: ReportTest[] = [{
    title: 'compress <script>alert(1)</script>',
    file: 'x.qa.ts',
    results: [result('ios@7.35.0', [step('step "1" & <b>', [call('compressImage', true, { images: [out('jpeg')] })])]), result('android@7.35.0', [step('step "1" & <b>', [call('compressImage', false)])], 'failed')],
  }];

  it('HTML: escaped, one column per profile, differences marked', () => {
    const html = renderHtmlReport(tests, { title: 'QA <x>', generatedAt: new Date(0) });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('compress &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<th scope="col" class="profile failed"><span class="name">android@7.35.0</span>');
    expect(html).toContain('<tr class="step differs"><th scope="row">step &quot;1&quot; &amp; &lt;b&gt; <span class="badge">differs</span>');
    expect(html).toMatch(/data-profile="android@7.35.0"[\s\S]*data-errno="103"/);
  });

  it('JUnit: a testsuite per profile, failures counted, text escaped', () => {
    const xml = renderJunit(tests, 'QA');
    expect(xml).toContain('<testsuite name="ios@7.35.0" tests="1" failures="0"');
    expect(xml).toContain('<testsuite name="android@7.35.0" tests="1" failures="1"');
    expect(xml).toContain('name="compress &lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('ttsim qa', () => {
  it('knows the projects by kind and refuses two of a kind', () => {
    expect(projectsByKind(['examples/compress-demo', 'examples/webapp-demo'])).toEqual({ gadget: expect.stringMatching(/compress-demo$/), webapp: expect.stringMatching(/webapp-demo$/) });
    expect(() => projectsByKind(['examples/compress-demo', 'examples/gadget-zoo'])).toThrow(/two gadgets given/);
  });

  it('takes the support matrix edges of what the project uses: the floor and the version just below', () => {
    const specs = edgeProfiles({ gadget: 'examples/compress-demo' });
    expect(specs).toContain('harmony@7.35.0');
    expect(specs).toContain('harmony@7.34.99');
    for (const spec of specs) expect(() => parseProfileSpec(spec)).not.toThrow();
  });

  it('gives a config the same edges through ttsim check (edgeProfiles in ttsim/test)', () => {
    expect(edgeProfilesOfProject('examples/compress-demo')).toEqual(edgeProfiles({ gadget: 'examples/compress-demo' }));
    const webapp = edgeProfilesOfProject('examples/webapp-demo');
    expect(webapp.length).toBeGreaterThan(0);
    expect(webapp.every((spec) => spec.startsWith('webapp:'))).toBe(true);
    expect(() => edgeProfilesOfProject('examples/no-such-project')).toThrow(/ttsim check failed/);
  });

  it('writes a config with one project per profile and the ttsim reporter', () => {
    const config = qaConfig({ fixtures: '/x/fixtures.js', scenario: '/s/a.qa.ts', projects: { gadget: '/g' }, profiles: ['ios@7.35.0'], out: '/o' });
    expect(config).toContain('testMatch: "a.qa.ts"');
    expect(config).toContain('projects: profiles(["ios@7.35.0"])');
    expect(config).toContain('ttsimReporter({ outputFolder: "/o" })');
  });
});
