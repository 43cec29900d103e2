/** Compile TTML and render it into a fresh container of the happy-dom document, recording events. */
import { createDomRenderer, toDomSelector as selectorFor, type DomEvent, type DomRendererOptions, type NavigateRequest } from '../src/dom/index.js';
import { compileTtml } from './ttml-test-helpers.js';

export interface Mounted {
  container: HTMLElement;
  events: DomEvent[];
  navigations: NavigateRequest[];
  render(data: Record<string, unknown>): void;
  renderer: ReturnType<typeof createDomRenderer>;
  /** querySelector with TTML tag names. */
  $(selector: string): HTMLElement;
}

export function mount(source: string, data: Record<string, unknown> = {}, options: Partial<DomRendererOptions> = {}): Mounted {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  document.body.append(container);
  const compiled = compileTtml(source, { path: 'pages/index/index.ttml' });
  const events: DomEvent[] = [];
  const navigations: NavigateRequest[] = [];
  const renderer = createDomRenderer(container, {
    onEvent: (event) => events.push(event),
    onNavigate: (request) => navigations.push(request),
    resolveImageSrc: (src) => (src.startsWith('ttfile://') ? `http://host/__ttfile__/${src.slice(9)}` : `http://host/${src}`),
    rpxToPx: 0.5,
    ...options,
  });
  const render = (next: Record<string, unknown>) => renderer.update(compiled.render(next));
  render(data);
  return {
    container,
    events,
    navigations,
    render,
    renderer,
    $: (selector) => {
      const element = container.querySelector<HTMLElement>(selectorFor(selector));
      if (!element) throw new Error(`nothing matches ${selector}`);
      return element;
    },
  };
}
