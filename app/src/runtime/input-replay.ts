/**
 * Live compare in the guest: the user's input in this frame as `input` events (while the host asks for
 * them), and the same input replayed from another profile's frame on the element at the same place.
 *
 * What counts as the user's: trusted DOM events (a real click or keystroke, or Playwright's); a replay
 * dispatches untrusted ones (element.click(), new Event('input')), so it is never reported again and
 * never bounces between frames. Taps are clicks anywhere in the document: TTML elements, navigators,
 * the tab bar, the navigation bar's back button and the overlays' buttons, so a navigation by tap follows
 * too. Typing is the field's whole value after each `input` event; a `change` carries a slider's value or
 * a checkbox's checked (a click on a checkbox or radio is the tap, not also its change).
 *
 * The target is the element's path from the body (inputTarget in the protocol): at each step the tag,
 * data-tt / id / data-ttsim-page / data-tt-part, the classes, and the index among the siblings sharing
 * them. A profile whose page renders differently (tt:if on the platform) may have no element there: the
 * replay then says which step found nothing.
 */
import type { GuestEvent, UserInput } from '../../../emulator-api/src/protocol/messages.js';

type Target = UserInput['target'];
type Step = Target['steps'][number];

/** The attributes that identify an element besides its tag and classes. */
const IDENTIFYING = ['data-tt', 'id', 'data-ttsim-page', 'data-ttsim-page-body', 'data-tt-part', 'name', 'type'] as const;
const MAX_STEPS = 64;

function attrsOf(element: Element): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const name of IDENTIFYING) {
    const value = element.getAttribute(name);
    if (value !== null) attrs[name] = value;
  }
  return attrs;
}

function classesOf(element: Element): string[] {
  return [...element.classList].filter((c) => !c.startsWith('ttsim-state-')).sort();
}

function matches(element: Element, step: Pick<Step, 'tag' | 'attrs' | 'classes'>): boolean {
  if (element.localName !== step.tag) return false;
  for (const [name, value] of Object.entries(step.attrs)) if (element.getAttribute(name) !== value) return false;
  const classes = classesOf(element);
  return classes.length === step.classes.length && classes.every((c, i) => c === step.classes[i]);
}

function describeStep(step: Pick<Step, 'tag' | 'attrs' | 'classes'>): string {
  const tag = step.attrs['data-tt'] ?? step.tag;
  const id = step.attrs.id ? `#${step.attrs.id}` : '';
  return `${tag}${id}${step.classes.map((c) => `.${c}`).join('')}`;
}

/** The element's path from the body, or undefined for an element outside it. */
export function targetOf(element: Element, doc: Document = element.ownerDocument): Target | undefined {
  const steps: Step[] = [];
  for (let node: Element | null = element; node && node !== doc.body; node = node.parentElement) {
    if (steps.length >= MAX_STEPS) return undefined;
    const step = { tag: node.localName, attrs: attrsOf(node), classes: classesOf(node) };
    let index = 0;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (matches(sibling, step)) index++;
    steps.unshift({ ...step, index });
  }
  if (!element.isConnected || (steps.length === 0 && element !== doc.body)) return undefined;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const last = steps.at(-1);
  return { steps, label: `${last ? describeStep(last) : 'body'}${text ? ` "${text}"` : ''}` };
}

/** The element at `target`'s place in this document, or why there is none. */
export function findTarget(target: Target, doc: Document = document): { element: Element } | { why: string } {
  let current: Element = doc.body;
  for (const [i, step] of target.steps.entries()) {
    let seen = 0;
    let found: Element | undefined;
    for (const child of current.children) {
      if (!matches(child, step)) continue;
      if (seen++ === step.index) {
        found = child;
        break;
      }
    }
    if (!found) {
      const where = i === 0 ? 'the document' : describeStep(target.steps[i - 1]!);
      const nth = step.index === 0 ? '' : ` number ${step.index + 1}`;
      return { why: `no ${describeStep(step)}${nth} in ${where} (step ${i + 1} of ${target.steps.length}; ${seen === 0 ? 'none there' : `only ${seen} there`})` };
    }
    current = found;
  }
  return { element: current };
}

const isToggle = (element: Element) => element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');
const isField = (element: Element): element is HTMLInputElement | HTMLTextAreaElement => element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !isToggle(element));

export interface InputReplay {
  /** Report the user's input (on) or stop (off). */
  report(on: boolean): void;
  /** The input from frame `from`, here: the tap, typed value or change on the element at the same place. */
  replay(input: UserInput, from: string): { found: boolean; why?: string };
}

/**
 * Watches this document for the user's input; `page()` names the page it happened on (the route, or the
 * web app's document path), `emit` sends the guest event to the host.
 */
export function createInputReplay(doc: Document, page: () => string, emit: (event: GuestEvent) => void): InputReplay {
  let reporting = false;
  const send = (action: UserInput['action'], element: Element, value?: string | boolean) => {
    const target = targetOf(element, doc);
    if (target) emit({ kind: 'input', input: { action, target, page: page(), ...(value === undefined ? {} : { value }) } });
  };
  doc.addEventListener(
    'click',
    (event) => {
      if (!reporting || !event.isTrusted || !(event.target instanceof Element)) return;
      send('tap', event.target);
    },
    true,
  );
  doc.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (!reporting || !event.isTrusted || !(target instanceof Element)) return;
      if (isField(target)) send('input', target, target.value);
    },
    true,
  );
  doc.addEventListener(
    'change',
    (event) => {
      const target = event.target;
      if (!reporting || !event.isTrusted || !(target instanceof Element) || isToggle(target)) return;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) send('change', target, target.value);
    },
    true,
  );

  return {
    report(on) {
      reporting = on;
    },
    replay(input, from) {
      const here = page();
      const found = input.page === here ? findTarget(input.target, doc) : { why: `this frame shows ${here}, not ${input.page}` };
      if ('why' in found) {
        emit({ kind: 'input', input, replayOf: from, missing: found.why });
        return { found: false, why: found.why };
      }
      const { element } = found;
      const field = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;
      if (input.action !== 'tap' && !field) {
        const why = `${input.target.label} is not a field here (it is a ${element.localName})`;
        emit({ kind: 'input', input, replayOf: from, missing: why });
        return { found: false, why };
      }
      // Reported before it runs, so the calls it causes follow it in the event stream, as the user's own do.
      emit({ kind: 'input', input, replayOf: from });
      if (input.action === 'tap') {
        if (element instanceof HTMLElement) element.click();
        else element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      } else {
        if (typeof input.value === 'string') (element as HTMLInputElement).value = input.value;
        element.dispatchEvent(new Event(input.action, { bubbles: true }));
      }
      return { found: true };
    },
  };
}
