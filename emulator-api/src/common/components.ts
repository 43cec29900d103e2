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

/**
 * Components ttsim knows from the WeChat-compatible family: Feishu's page for each was not read, so the
 * matrix is assumed as above and the attributes and event details follow WeChat's component docs.
 */
const familySupport = {
  matrix: gadgetComponentMatrix,
  provenance: assumed(
    `${docs.overview}: rows follow the overview's pattern (Harmony 7.35.0+). The tag, its attributes and event details follow WeChat's component docs (inferred: a Feishu developer's notes, document.kabuda.com, say Feishu's basic components match WeChat's); Feishu's own page for it was not read`,
  ),
};

function familyComponent(tag: string, summary: string, drawn = true): ComponentSpec {
  return { tag, summary, support: familySupport, drawn };
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
  familyComponent('picker', 'A bottom-sheet picker: mode selector / multiSelector / time / date (range, range-key, value, start, end, fields, header-text, disabled; bindchange, bindcolumnchange, bindcancel). mode region shows the selector wheel of range.'),
  familyComponent('radio-group', 'Holds radios; bindchange { value } with the checked radio\'s value.'),
  familyComponent('radio', 'A radio (value, checked, disabled, color).'),
  familyComponent('checkbox-group', 'Holds checkboxes; bindchange { value } with the checked values.'),
  familyComponent('checkbox', 'A checkbox (value, checked, disabled, color).'),
  familyComponent('form', 'Collects its named fields: bindsubmit { value }, bindreset, with button form-type submit / reset.'),
  familyComponent('label', 'Taps act on the control named by for, or the first one inside (radio, checkbox, switch, button, input).'),
  familyComponent('swiper', 'Slides between swiper-items (indicator-dots, autoplay, interval, duration, circular, vertical, current, current-item-id, display-multiple-items, previous-/next-margin; bindchange { current, source }, bindanimationfinish).'),
  familyComponent('swiper-item', 'One slide of a swiper (item-id).'),
  familyComponent('rich-text', 'HTML string or node array, through a tag / attribute whitelist (no scripts, no event handlers, no javascript: URLs).'),
  familyComponent('progress', 'A progress bar (percent, show-info, stroke-width, activeColor, backgroundColor, active, bindactiveend).'),
  familyComponent('canvas', 'A 2D drawing surface (canvas-id, tt.createCanvasContext).'),
  familyComponent('video', 'A video player.', false),
  familyComponent('map', 'A map.', false),
  familyComponent('camera', 'The camera preview.', false),
  familyComponent('live-player', 'A live stream player.', false),
  familyComponent('web-view', 'A web page filling the gadget page.', false),
  familyComponent('open-data', 'Data of the user drawn by the client (WeChat has it; whether Feishu does is not checked).', false),
  familyComponent('movable-area', 'The area a movable-view moves in.', false),
  familyComponent('movable-view', 'A box the user can drag (and pinch).', false),
  familyComponent('cover-view', 'Text over native components.', false),
  familyComponent('cover-image', 'An image over native components.', false),
  familyComponent('editor', 'A rich-text editor.', false),
  familyComponent('picker-view', 'A picker embedded in the page.', false),
  familyComponent('picker-view-column', 'One column of a picker-view.', false),
];

const byTag: ReadonlyMap<string, ComponentSpec> = new Map(componentList.map((spec) => [spec.tag, spec]));

export function findComponent(tag: string): ComponentSpec | undefined {
  return byTag.get(tag);
}

/** Tags of the template language itself, which are not components. */
export const TEMPLATE_TAGS: ReadonlySet<string> = new Set(['block', 'template', 'import', 'include', 'slot', 'wxs', 'sjs']);
