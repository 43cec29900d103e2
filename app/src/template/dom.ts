/**
 * Draws VNodes as DOM and keeps them in step: a keyed diff that reuses elements (tt:key), so that a
 * one-row change in a long list touches one row, and inputs keep what the user is typing.
 * Events are delegated at the container and bubble through the vnode ancestry as in the real framework:
 * bind handlers let the event go on, catch handlers stop it.
 */
import type { VElement, VEvent, VNode } from './vnode.js';

export interface DomEvent {
  readonly handler: string;
  readonly type: string;
  readonly detail: unknown;
  readonly currentTarget: { id: string; dataset: Record<string, unknown> };
  readonly target: { id: string; dataset: Record<string, unknown> };
}

export interface DomRendererOptions {
  onEvent(event: DomEvent): void;
  resolveImageSrc?(src: string): string;
  onNavigate?(event: { url: string; openType: string; delta?: number }): void;
  /** Called once per tag that is not a Feishu component. */
  onUnknownTag?(tag: string): void;
}

export interface DomRenderer {
  update(vnodes: readonly VNode[]): void;
  destroy(): void;
}

const COMPONENTS: Record<string, string> = {
  view: 'div', text: 'span', image: 'img', button: 'button', input: 'input', textarea: 'textarea', slider: 'div',
  switch: 'input', 'scroll-view': 'div', navigator: 'div', icon: 'span', label: 'label', form: 'form',
};

const ICONS: Record<string, [string, string]> = {
  success: ['✔', '#09bb07'], success_no_circle: ['✓', '#09bb07'], info: ['ℹ', '#10aeff'], warn: ['!', '#f76260'],
  waiting: ['◷', '#10aeff'], cancel: ['✕', '#f43530'], download: ['⤓', '#09bb07'], search: ['⌕', '#b2b2b2'], clear: ['⊗', '#b2b2b2'],
};

const STYLE = `
[data-tt=view],[data-tt=scroll-view],[data-tt=navigator],[data-tt=slider] { display: block; }
[data-tt=text] { white-space: pre-wrap; }
[data-tt=image] { width: 320px; height: 240px; display: inline-block; object-fit: fill; }
[data-tt=button] { display: block; width: 100%; box-sizing: border-box; padding: 10px 14px; font-size: 17px; border-radius: 6px; border: 1px solid rgba(0,0,0,.15); background: #f8f8f8; color: #000; margin: 0; }
[data-tt=button][data-type=primary] { background: #3370ff; color: #fff; border-color: #3370ff; }
[data-tt=button][data-type=warn] { background: #f54a45; color: #fff; border-color: #f54a45; }
[data-tt=button][data-size=mini] { display: inline-block; width: auto; padding: 4px 10px; font-size: 13px; }
[data-tt=button]:disabled { opacity: .5; }
[data-tt=input],[data-tt=textarea] { box-sizing: border-box; font: inherit; }
[data-tt=slider] { display: flex; align-items: center; gap: 8px; }
[data-tt=slider] input { flex: 1; }
`;

interface Rendered {
  vnode: VNode;
  node: Node;
  children: Rendered[];
}

/** Per DOM element: its current vnode and the rendered ancestry for event bubbling. */
const vnodeOf = new WeakMap<Node, VElement>();

export function createDomRenderer(container: HTMLElement, options: DomRendererOptions): DomRenderer {
  const doc = container.ownerDocument;
  if (!doc.querySelector('style[data-ttsim-components]')) {
    const style = doc.createElement('style');
    style.dataset.ttsimComponents = '';
    style.textContent = STYLE;
    doc.head.append(style);
  }
  const unknown = new Set<string>();
  let rendered: Rendered[] = [];

  const create = (vnode: VNode): Rendered => {
    if (vnode.kind === 'text') return { vnode, node: doc.createTextNode(vnode.text), children: [] };
    const tagName = COMPONENTS[vnode.tag];
    if (!tagName && !unknown.has(vnode.tag)) {
      unknown.add(vnode.tag);
      options.onUnknownTag?.(vnode.tag);
    }
    const element = doc.createElement(tagName ?? 'div');
    element.dataset.tt = vnode.tag;
    if (vnode.tag === 'switch') {
      (element as HTMLInputElement).type = 'checkbox';
      element.setAttribute('role', 'switch');
    }
    if (vnode.tag === 'slider') {
      const range = doc.createElement('input');
      range.type = 'range';
      element.append(range);
    }
    const self: Rendered = { vnode, node: element, children: [] };
    applyAttributes(element, undefined, vnode);
    if (vnode.tag !== 'slider') self.children = vnode.children.map(create);
    for (const child of self.children) element.append(child.node);
    vnodeOf.set(element, vnode);
    return self;
  };

  const applyAttributes = (element: HTMLElement, previous: VElement | undefined, vnode: VElement) => {
    const changed = (name: string) => !previous || previous.attrs[name] !== vnode.attrs[name];
    const a = vnode.attrs;
    if (changed('class')) element.className = a.class == null ? '' : String(a.class);
    if (changed('id')) {
      if (a.id == null || a.id === '') element.removeAttribute('id');
      else element.id = String(a.id);
    }
    if (changed('style')) element.setAttribute('style', a.style == null ? '' : String(a.style));
    if (changed('hidden')) element.hidden = a.hidden === true || a.hidden === 'true' || a.hidden === '';
    for (const [key, value] of Object.entries(vnode.dataset)) {
      if (!previous || previous.dataset[key] !== value) element.setAttribute(`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    const flag = (v: unknown) => v === true || v === '' || v === 'true';
    switch (vnode.tag) {
      case 'image': {
        const img = element as HTMLImageElement;
        if (changed('src')) img.src = a.src ? (options.resolveImageSrc?.(String(a.src)) ?? String(a.src)) : '';
        if (changed('mode')) {
          const mode = String(a.mode ?? 'scaleToFill');
          img.style.objectFit = mode === 'aspectFit' ? 'contain' : mode === 'aspectFill' ? 'cover' : mode === 'scaleToFill' ? 'fill' : 'none';
          if (mode === 'widthFix') img.style.height = 'auto';
          if (mode === 'heightFix') img.style.width = 'auto';
        }
        break;
      }
      case 'button':
        if (changed('type')) element.dataset.type = String(a.type ?? 'default');
        if (changed('size')) element.dataset.size = String(a.size ?? 'default');
        if (changed('disabled')) (element as HTMLButtonElement).disabled = flag(a.disabled);
        if (changed('loading')) element.dataset.loading = String(flag(a.loading));
        break;
      case 'input':
      case 'textarea': {
        const field = element as HTMLInputElement | HTMLTextAreaElement;
        if (vnode.tag === 'input' && (changed('type') || changed('password'))) {
          const type = String(a.type ?? 'text');
          (field as HTMLInputElement).type = flag(a.password) ? 'password' : type === 'number' || type === 'digit' ? 'number' : 'text';
        }
        // Only a changed value from the data is written, so what the user types stays.
        if (changed('value')) field.value = a.value == null ? '' : String(a.value);
        if (changed('placeholder')) field.placeholder = a.placeholder == null ? '' : String(a.placeholder);
        if (changed('disabled')) field.disabled = flag(a.disabled);
        if (changed('maxlength')) {
          const max = Number(a.maxlength ?? 140);
          if (max >= 0) field.maxLength = max;
          else field.removeAttribute('maxlength');
        }
        break;
      }
      case 'slider': {
        const range = element.querySelector('input')!;
        if (changed('min')) range.min = String(a.min ?? 0);
        if (changed('max')) range.max = String(a.max ?? 100);
        if (changed('step')) range.step = String(a.step ?? 1);
        if (changed('value')) range.value = String(a.value ?? 0);
        if (changed('disabled')) range.disabled = flag(a.disabled);
        let shown = element.querySelector('span');
        if (flag(a['show-value'])) {
          if (!shown) element.append((shown = doc.createElement('span')));
          shown.textContent = range.value;
        } else shown?.remove();
        break;
      }
      case 'switch': {
        const box = element as HTMLInputElement;
        if (changed('checked')) box.checked = flag(a.checked);
        if (changed('disabled')) box.disabled = flag(a.disabled);
        break;
      }
      case 'scroll-view':
        element.style.overflowX = flag(a['scroll-x']) ? 'auto' : 'hidden';
        element.style.overflowY = flag(a['scroll-y']) ? 'auto' : 'hidden';
        break;
      case 'icon': {
        const [glyph, color] = ICONS[String(a.type ?? 'info')] ?? ['•', '#999'];
        element.textContent = glyph;
        element.style.color = a.color ? String(a.color) : color;
        element.style.fontSize = `${Number(a.size ?? 23)}px`;
        break;
      }
    }
  };

  const sameKind = (a: VNode, b: VNode) => a.kind === b.kind && (a.kind === 'text' || (a.tag === (b as VElement).tag && a.key === (b as VElement).key));

  const patchOne = (old: Rendered, vnode: VNode): Rendered => {
    if (vnode.kind === 'text') {
      if ((old.vnode as { text: string }).text !== vnode.text) old.node.textContent = vnode.text;
      old.vnode = vnode;
      return old;
    }
    const element = old.node as HTMLElement;
    const previous = old.vnode as VElement;
    if (previous !== vnode) applyAttributes(element, previous, vnode);
    if (vnode.tag !== 'slider' && vnode.tag !== 'icon') old.children = patchChildren(element, old.children, vnode.children);
    old.vnode = vnode;
    vnodeOf.set(element, vnode);
    return old;
  };

  const patchChildren = (parent: Node, olds: Rendered[], vnodes: readonly VNode[]): Rendered[] => {
    const keyed = new Map<string | number, Rendered>();
    const unkeyed: Rendered[] = [];
    for (const old of olds) {
      const key = old.vnode.kind === 'element' ? old.vnode.key : undefined;
      if (key !== undefined) keyed.set(key, old);
      else unkeyed.push(old);
    }
    const next: Rendered[] = [];
    let unkeyedIndex = 0;
    for (const vnode of vnodes) {
      const key = vnode.kind === 'element' ? vnode.key : undefined;
      let match: Rendered | undefined;
      if (key !== undefined) {
        match = keyed.get(key);
        if (match && sameKind(match.vnode, vnode)) keyed.delete(key);
        else match = undefined;
      } else {
        const candidate = unkeyed[unkeyedIndex];
        if (candidate && sameKind(candidate.vnode, vnode)) {
          match = candidate;
          unkeyed[unkeyedIndex] = undefined as unknown as Rendered;
          unkeyedIndex++;
        } else if (candidate && candidate.vnode.kind === vnode.kind) {
          unkeyedIndex++;
        }
      }
      next.push(match ? patchOne(match, vnode) : create(vnode));
    }
    const kept = new Set(next.map((r) => r.node));
    for (const old of olds) if (old && !kept.has(old.node)) old.node.parentNode?.removeChild(old.node);
    // Put nodes in order, moving only those out of place.
    let cursor: ChildNode | null = parent.firstChild;
    for (const item of next) {
      if (item.node === cursor) cursor = cursor.nextSibling;
      else parent.insertBefore(item.node, cursor);
    }
    return next;
  };

  const targetInfo = (element: Element) => ({ id: element.id, dataset: { ...(vnodeOf.get(element)?.dataset ?? {}) } });

  /** Walks from the event's element up to the container, calling bind handlers and stopping at catch. */
  const dispatch = (start: EventTarget | null, type: string, detail: unknown) => {
    let element = start instanceof Element ? start : null;
    const origin = element ? (element.closest('[data-tt]') ?? element) : null;
    while (element && element !== container) {
      const vnode = vnodeOf.get(element);
      const handlers: readonly VEvent[] = vnode?.events.filter((e) => e.event === type) ?? [];
      let stop = false;
      for (const handler of handlers) {
        options.onEvent({ handler: handler.handler, type, detail, currentTarget: targetInfo(element), target: targetInfo(origin ?? element) });
        if (handler.catch) stop = true;
      }
      if (vnode?.tag === 'navigator' && type === 'tap') {
        const a = vnode.attrs;
        options.onNavigate?.({ url: String(a.url ?? ''), openType: String(a['open-type'] ?? 'navigate'), ...(a.delta ? { delta: Number(a.delta) } : {}) });
      }
      if (stop) return;
      element = element.parentElement;
    }
  };

  const componentOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('[data-tt]') : null);
  const listeners: [string, (event: Event) => void, boolean][] = [
    ['click', (event) => {
      const mouse = event as MouseEvent;
      if (componentOf(event.target)?.getAttribute('data-tt') === 'button' && (componentOf(event.target) as HTMLButtonElement).disabled) return;
      dispatch(event.target, 'tap', { x: mouse.clientX, y: mouse.clientY });
    }, false],
    ['input', (event) => {
      const component = componentOf(event.target);
      const tag = component?.getAttribute('data-tt');
      const field = event.target as HTMLInputElement;
      if (tag === 'input' || tag === 'textarea') dispatch(component, 'input', { value: field.value, cursor: field.selectionStart ?? field.value.length });
      if (tag === 'slider') {
        const shown = component!.querySelector('span');
        if (shown) shown.textContent = field.value;
        dispatch(component, 'changing', { value: Number(field.value) });
      }
    }, false],
    ['change', (event) => {
      const component = componentOf(event.target);
      const tag = component?.getAttribute('data-tt');
      const field = event.target as HTMLInputElement;
      if (tag === 'slider') dispatch(component, 'change', { value: Number(field.value) });
      if (tag === 'switch') dispatch(component, 'change', { value: field.checked });
    }, false],
    ['keydown', (event) => {
      const component = componentOf(event.target);
      if ((event as KeyboardEvent).key === 'Enter' && component?.getAttribute('data-tt') === 'input') dispatch(component, 'confirm', { value: (event.target as HTMLInputElement).value });
    }, false],
    ['focusin', (event) => {
      const component = componentOf(event.target);
      if (component && /^(input|textarea)$/.test(component.getAttribute('data-tt') ?? '')) dispatch(component, 'focus', { value: (event.target as HTMLInputElement).value });
    }, false],
    ['focusout', (event) => {
      const component = componentOf(event.target);
      if (component && /^(input|textarea)$/.test(component.getAttribute('data-tt') ?? '')) dispatch(component, 'blur', { value: (event.target as HTMLInputElement).value });
    }, false],
    ['load', (event) => {
      const img = event.target as HTMLImageElement;
      if (img instanceof HTMLImageElement && img.dataset.tt === 'image') dispatch(img, 'load', { width: img.naturalWidth, height: img.naturalHeight });
    }, true],
    ['error', (event) => {
      const img = event.target as HTMLImageElement;
      if (img instanceof HTMLImageElement && img.dataset.tt === 'image') dispatch(img, 'error', { errMsg: `GET ${img.src} failed` });
    }, true],
  ];
  for (const [type, listener, capture] of listeners) container.addEventListener(type, listener, capture);

  return {
    update(vnodes) {
      rendered = patchChildren(container, rendered, vnodes);
    },
    destroy() {
      for (const [type, listener, capture] of listeners) container.removeEventListener(type, listener, capture);
      container.replaceChildren();
      rendered = [];
    },
  };
}
