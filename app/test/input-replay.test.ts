// @vitest-environment happy-dom
/** Live compare in the guest: the user's input reported with a stable target, replayed on the element at the same place, and a missing one said. */
import { afterEach, describe, expect, it } from 'vitest';
import type { GuestEvent, UserInput } from '../../emulator-api/src/protocol/messages.js';
import { createInputReplay, findTarget, targetOf } from '../src/runtime/input-replay.js';

/** An event as the browser makes it for a real user (isTrusted), which a script's dispatch never is. */
function user(element: Element, event: Event): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const page = `
  <div id="tt-app"><div data-ttsim-page="pages/index/index">
    <div data-tt="view" class="card"><span data-tt="text" class="muted">ios</span></div>
    <div data-tt="view" class="card">
      <button data-tt="button" class="choose">Choose</button>
      <div data-tt="slider" class="quality-slider"><input type="range" data-tt-part="range" min="1" max="100" value="80"></div>
      <input data-tt="input" class="name" value="">
      <button data-tt="button" class="compress">Compress</button>
      <button data-tt="button" class="compress">Compress again</button>
    </div>
  </div></div>`;

function frame(html = page, route = 'pages/index/index') {
  document.body.innerHTML = html;
  const events: GuestEvent[] = [];
  const replay = createInputReplay(document, () => route, (event) => events.push(event));
  const inputs = () => events.flatMap((e) => (e.kind === 'input' ? [e] : []));
  return { replay, events, inputs };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the target of an input', () => {
  it('is the path from the body by tag, identifying attributes, classes and index among alike siblings', () => {
    frame();
    const second = document.querySelectorAll('button.compress')[1]!;
    const target = targetOf(second)!;
    expect(target.label).toBe('button.compress "Compress again"');
    expect(target.steps.at(-1)).toEqual({ tag: 'button', attrs: { 'data-tt': 'button' }, classes: ['compress'], index: 1 });
    expect(target.steps.map((s) => s.index)).toEqual([0, 0, 1, 1]);
    expect(findTarget(target)).toEqual({ element: second });
  });

  it('says which step found nothing in a page rendered otherwise', () => {
    frame();
    const target = targetOf(document.querySelector('span.muted')!)!;
    document.body.innerHTML = page.replace('<span data-tt="text" class="muted">ios</span>', '');
    expect(findTarget(target)).toEqual({ why: 'no text.muted in view.card (step 4 of 4; none there)' });
  });
});

describe('reporting and replaying', () => {
  it("reports the user's taps, typing and slider changes only while asked, and never a script's", () => {
    const { replay, inputs } = frame();
    const choose = document.querySelector('button.choose')!;
    user(choose, new MouseEvent('click', { bubbles: true }));
    expect(inputs()).toEqual([]);
    replay.report(true);
    user(choose, new MouseEvent('click', { bubbles: true }));
    (choose as HTMLElement).click();
    const field = document.querySelector('input.name') as HTMLInputElement;
    field.value = 'QA';
    user(field, new Event('input', { bubbles: true }));
    const range = document.querySelector('input[type=range]') as HTMLInputElement;
    range.value = '30';
    user(range, new Event('change', { bubbles: true }));
    expect(inputs().map((e) => [e.input.action, e.input.target.label, e.input.value, e.input.page])).toEqual([
      ['tap', 'button.choose "Choose"', undefined, 'pages/index/index'],
      ['input', 'input.name', 'QA', 'pages/index/index'],
      ['change', 'input', '30', 'pages/index/index'],
    ]);
  });

  it('replays a tap, typing and a change on the element at the same place, as untrusted events that are not reported again', () => {
    const origin = frame();
    origin.replay.report(true);
    const range = document.querySelector('input[type=range]') as HTMLInputElement;
    range.value = '30';
    user(range, new Event('change', { bubbles: true }));
    const field = document.querySelector('input.name') as HTMLInputElement;
    field.value = 'QA';
    user(field, new Event('input', { bubbles: true }));
    user(document.querySelectorAll('button.compress')[1]!, new MouseEvent('click', { bubbles: true }));
    const recorded = origin.inputs().map((e) => e.input);

    const other = frame();
    other.replay.report(true);
    const seen: string[] = [];
    document.addEventListener('click', (e) => seen.push(`click ${(e.target as Element).textContent}`));
    document.addEventListener('change', (e) => seen.push(`change ${(e.target as HTMLInputElement).value}`));
    document.addEventListener('input', (e) => seen.push(`input ${(e.target as HTMLInputElement).value}`));
    for (const input of recorded) expect(other.replay.replay(input, 's1')).toEqual({ found: true });
    expect(seen).toEqual(['change 30', 'input QA', 'click Compress again']);
    // Each replay is reported once, as a replay (replayOf), and nothing as the user's own.
    expect(other.inputs().map((e) => [e.input.action, e.replayOf, e.missing])).toEqual([
      ['change', 's1', undefined],
      ['input', 's1', undefined],
      ['tap', 's1', undefined],
    ]);
  });

  it('says why when the element is not there or the frame shows another page', () => {
    const origin = frame();
    origin.replay.report(true);
    user(document.querySelector('span.muted')!, new MouseEvent('click', { bubbles: true }));
    const [tap] = origin.inputs().map((e) => e.input) as [UserInput];

    const other = frame(page.replace('<span data-tt="text" class="muted">ios</span>', ''));
    expect(other.replay.replay(tap, 's1')).toEqual({ found: false, why: 'no text.muted in view.card (step 4 of 4; none there)' });
    expect(other.inputs()[0]).toMatchObject({ replayOf: 's1', missing: 'no text.muted in view.card (step 4 of 4; none there)' });
    const elsewhere = frame(page, 'pages/logs/logs');
    expect(elsewhere.replay.replay(tap, 's1')).toEqual({ found: false, why: 'this frame shows pages/logs/logs, not pages/index/index' });
  });
});
