/**
 * The side-by-side HTML report: one self-contained file (styles and images inline), a column per profile,
 * a row per step, and the rows where the profiles answered differently highlighted, with the calls that
 * differ marked inside them.
 */
import type { QaCall, QaImage, QaStep } from './run-record.js';
import { stepRows, summarise, type ProfileResult, type ReportTest } from './report-model.js';

const esc = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const bytes = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);

/**
 * The report's images, each once: an input image shown under five profiles and three calls is one entry.
 * Elements refer to them by id (data-image) and a few lines of script fill them in on load.
 */
class ImageTable {
  private readonly ids = new Map<string, string>();

  ref(result: ProfileResult, name: string | undefined): string | undefined {
    const file = name ? result.files.get(name) : undefined;
    if (!file) return undefined;
    const uri = `data:${file.contentType};base64,${file.body.toString('base64')}`;
    let id = this.ids.get(uri);
    if (!id) this.ids.set(uri, (id = `i${this.ids.size}`));
    return id;
  }

  script(): string {
    const table = Object.fromEntries([...this.ids].map(([uri, id]) => [id, uri]));
    return `<script id="images" type="application/json">${JSON.stringify(table).replace(/</g, '\\u003c')}</script>
<script>(() => { const t = JSON.parse(document.getElementById('images').textContent);
for (const el of document.querySelectorAll('[data-image]')) { const uri = t[el.dataset.image]; if (el.tagName === 'IMG') el.src = uri; else el.href = uri; } })();</script>`;
  }
}


function imageHtml(images: ImageTable, result: ProfileResult, image: QaImage): string {
  const src = images.ref(result, image.attachment);
  const dims = image.width ? ` · ${image.width}×${image.height}` : '';
  const facts = `${image.role === 'output' ? 'out' : 'in'}: ${image.format.toUpperCase()} · ${bytes(image.bytes)}${dims}`;
  return `<figure class="image ${image.role}">${src ? `<a data-image="${src}" target="_blank" rel="noopener"><img data-image="${src}" alt="${esc(`${image.role} image ${image.path}`)}"></a>` : ''}<figcaption class="facts" data-format="${esc(image.format)}">${esc(facts)}</figcaption></figure>`;
}

/** One rule on one or two lines (the whole text and its source on hover and in the title); a rule behind a difference stands out. */
function ruleHtml(rule: QaCall['rules'][number], distinct: boolean): string {
  const source = /^https?:\/\//.test(rule.provenance.source) ? `<a href="${esc(rule.provenance.source)}">source</a>` : '';
  return `<li class="rule${distinct ? ' distinct' : ''}" data-rule="${esc(rule.id)}" title="${esc(`${rule.text}\n\n${rule.provenance.kind}: ${rule.provenance.source}`)}"><span class="prov prov-${esc(rule.provenance.kind)}">${esc(rule.provenance.kind)}</span> ${esc(rule.text)} ${source}</li>`;
}

function callHtml(images: ImageTable, result: ProfileResult, call: QaCall, differs: boolean, distinctRules: ReadonlySet<string>): string {
  const outcome = call.ok ? '<span class="ok">ok</span>' : `<span class="fail">fail · errno ${esc(call.errno ?? '?')}</span>`;
  return `<div class="call${differs ? ' call-differs' : ''}" data-api="${esc(call.api)}" data-ok="${call.ok}"${call.errno !== undefined ? ` data-errno="${call.errno}"` : ''}>
  <div class="call-head"><code>tt.${esc(call.api)}</code> ${outcome}${call.mocked ? ' <span class="mocked">mocked</span>' : ''} <span class="ms">${call.durationMs.toFixed(0)} ms</span></div>
  <div class="errmsg">${esc(call.errMsg)}</div>
  ${call.images.length ? `<div class="images">${call.images.map((i) => imageHtml(images, result, i)).join('')}</div>` : ''}
  ${call.rules.length ? `<ul class="rules">${call.rules.map((r) => ruleHtml(r, distinctRules.has(r.id))).join('')}</ul>` : ''}
  ${call.warnings?.length ? `<ul class="warnings">${call.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
  <details><summary>params and result</summary><pre>${esc(JSON.stringify({ params: call.params, result: call.result }, null, 2))}</pre></details>
</div>`;
}

function cellHtml(images: ImageTable, result: ProfileResult, step: QaStep | undefined, callDiffers: readonly boolean[], distinctRules: ReadonlySet<string>): string {
  if (!step) return '<td class="cell missing">(no such step)</td>';
  const shot = images.ref(result, step.screenshot);
  return `<td class="cell ${step.status}" data-profile="${esc(result.profile)}">
  ${shot ? `<a class="shot" data-image="${shot}" target="_blank" rel="noopener"><img data-image="${shot}" alt="${esc(`screen of ${result.profile} after ${step.title}`)}"></a>` : ''}
  ${step.calls.map((call, i) => callHtml(images, result, call, callDiffers[i] ?? false, distinctRules)).join('') || '<div class="quiet">no tt.* calls</div>'}
  ${step.guestErrors.map((e) => `<div class="guest-error">${esc(e)}</div>`).join('')}
  ${step.error ? `<div class="step-error">${esc(step.error)}</div>` : ''}
</td>`;
}

function testHtml(images: ImageTable, test: ReportTest, index: number): string {
  const rows = stepRows(test.results);
  const head = test.results
    .map((r) => `<th scope="col" class="profile ${esc(r.status)}"><span class="name">${esc(r.profile)}</span> <span class="status">${esc(r.status)}</span> <span class="ms">${(r.durationMs / 1000).toFixed(1)} s</span></th>`)
    .join('');
  const body = rows
    .map((row) => `<tr class="step${row.differs ? ' differs' : ''}"><th scope="row">${esc(row.title)}${row.differs ? ' <span class="badge">differs</span>' : ''}</th>${row.cells.map((cell, i) => cellHtml(images, test.results[i]!, cell, row.callDiffers[i] ?? [], row.distinctRules)).join('')}</tr>`)
    .join('\n');
  const errors = test.results.some((r) => r.error)
    ? `<tr class="errors"><th scope="row">error</th>${test.results.map((r) => `<td>${r.error ? `<pre class="test-error">${esc(r.error)}</pre>` : ''}</td>`).join('')}</tr>`
    : '';
  return `<section class="test" id="test-${index}">
<h2>${esc(test.title)} <small>${esc(test.file)}</small></h2>
<div class="scroll"><table><thead><tr><th scope="col">step</th>${head}</tr></thead><tbody>
${body}
${errors}
</tbody></table></div>
</section>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2329; background: #f5f6f7; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid #dee0e3; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 24px 8px; } h2 small { color: #646a73; font-weight: normal; }
.summary span { margin-right: 16px; } .legend { color: #646a73; }
.scroll { overflow-x: auto; margin: 0 24px; }
table { border-collapse: collapse; background: #fff; min-width: 100%; }
th, td { border: 1px solid #dee0e3; padding: 8px; vertical-align: top; text-align: left; }
thead th { background: #f0f1f2; position: sticky; top: 0; }
td.cell { min-width: 260px; max-width: 380px; }
tbody th { min-width: 140px; max-width: 200px; }
th.profile.passed .status, .ok { color: #2e7d32; } th.profile.failed .status, th.profile.timedOut .status, .fail { color: #c62828; font-weight: 600; }
tr.differs > th { border-left: 4px solid #f9a825; background: #fffbe6; }

.badge { background: #f9a825; color: #1f2329; border-radius: 8px; padding: 0 6px; font-size: 12px; }
.call { border-left: 3px solid #dee0e3; padding: 2px 6px; margin: 4px 0; }
.call-differs { border-left-color: #f9a825; background: #fff3c4; }
.errmsg { font-family: ui-monospace, monospace; font-size: 12px; color: #646a73; word-break: break-word; }
.images { display: flex; gap: 8px; flex-wrap: wrap; margin: 4px 0; }
figure.image { margin: 0; } figure.image img { max-width: 120px; max-height: 90px; display: block; background: repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 12px 12px; }
.facts { font-size: 12px; }
.rules, .warnings { margin: 4px 0; padding-left: 18px; font-size: 12px; }
.prov { border-radius: 4px; padding: 0 4px; font-size: 11px; text-transform: uppercase; }
.prov-documented { background: #e3f2fd; } .prov-inferred { background: #ede7f6; } .prov-assumed { background: #ffe0b2; }
.source { color: #646a73; } .ms { color: #8f959e; font-size: 12px; } .mocked { background: #eceff1; font-size: 11px; padding: 0 4px; }
.guest-error, .step-error, .test-error { color: #c62828; font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; }
.shot img { float: right; width: 72px; margin: 0 0 4px 6px; border: 1px solid #dee0e3; border-radius: 6px; }
.rule { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; color: #646a73; }
.rule.distinct { color: #1f2329; font-weight: 600; -webkit-line-clamp: 4; }
.quiet { color: #8f959e; }
pre { white-space: pre-wrap; word-break: break-word; font-size: 12px; margin: 4px 0; }
`;

export function renderHtmlReport(tests: readonly ReportTest[], meta: { title: string; generatedAt: Date }): string {
  const s = summarise(tests);
  const images = new ImageTable();
  const sections = tests.map((test, i) => testHtml(images, test, i)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(meta.title)}</title><style>${STYLE}</style></head>
<body>
<header>
<h1>${esc(meta.title)}</h1>
<div class="summary"><span>${s.profiles.length} profiles: ${esc(s.profiles.join(', '))}</span><span>${s.passed} passed</span><span>${s.failed} failed</span>${s.skipped ? `<span>${s.skipped} skipped</span>` : ''}<span><strong>${s.differingSteps}</strong> steps differ between profiles</span></div>
<div class="legend">Marked rows: the profiles answered differently (a call's outcome, its errno, or the format it wrote); the calls that differ from what most profiles answered are highlighted, and the rules applied in some profiles but not in all are in bold. Provenance of each rule: <span class="prov prov-documented">documented</span> from Feishu's docs, <span class="prov prov-inferred">inferred</span> from their examples or public code, <span class="prov prov-assumed">assumed</span> by ttsim. Generated ${esc(meta.generatedAt.toISOString())}.</div>
</header>
<main>
${sections || '<p>No ttsim/test results in this run.</p>'}
</main>
${images.script()}
</body></html>
`;
}
