/**
 * The component registry: every built-in TTML component ttsim knows, with its support matrix and provenance.
 * `ttsim check`, the README and (later) the UI's matrix read it; the guest's renderer draws the ones marked
 * `drawn`. One entry per tag.
 */
import { assumed, type Provenance, type SupportMatrix } from './types.js';
import { ANY_VERSION, docs } from './apis/sources.js';

export interface ComponentSpec {
  readonly tag: string;
  readonly summary: string;
  readonly support: { readonly matrix: SupportMatrix; readonly provenance: Provenance };
  /** false: the tag is a Feishu component ttsim does not draw yet (it renders its children as a plain box). */
  readonly drawn: boolean;
}

/** Gadget components: "✓" on phones and PC, Harmony from 7.35.0; web apps have HTML instead (assumed). */
const gadgetComponentMatrix: SupportMatrix = {
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
  webapp: { android: null, ios: null, pc: null, harmony: null },
};
const componentSupport = {
  matrix: gadgetComponentMatrix,
  provenance: assumed(`${docs.overview}: ttsim has not read the component pages; rows follow the overview's pattern (Harmony 7.35.0+)`),
};

function component(tag: string, summary: string, drawn = true): ComponentSpec {
  return { tag, summary, support: componentSupport, drawn };
}

export const componentList: readonly ComponentSpec[] = [
  component('view', 'A box.'),
  component('text', 'Inline text.'),
  component('image', 'An image from the package, ttfile:// or the network, with mode.'),
  component('button', 'A button (type, size, plain, disabled, loading, form-type).'),
  component('input', 'A one-line text field.'),
  component('textarea', 'A multi-line text field.'),
  component('slider', 'A slider.'),
  component('switch', 'A switch or checkbox-style toggle.'),
  component('scroll-view', 'A scrolling box.'),
  component('navigator', 'A link to another page.'),
  component('icon', 'A built-in icon.'),
];

const byTag: ReadonlyMap<string, ComponentSpec> = new Map(componentList.map((spec) => [spec.tag, spec]));

export function findComponent(tag: string): ComponentSpec | undefined {
  return byTag.get(tag);
}

/** Tags of the template language itself, which are not components. */
export const TEMPLATE_TAGS: ReadonlySet<string> = new Set(['block', 'template', 'import', 'include', 'slot', 'wxs', 'sjs']);
