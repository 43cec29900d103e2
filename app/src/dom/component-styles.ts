/**
 * The components' default look, injected once per document as the first stylesheet. Every rule is wrapped
 * in `:where()` (specificity 0), so any TTSS rule — even a bare `view` — overrides it; only what WeChat
 * forces (image widthFix / heightFix) is !important. Colors follow Feishu's UI (primary #3370ff; assumed:
 * Feishu publishes no component stylesheet). The picker sheet (components/picker-sheet.ts) is ttsim's own
 * drawing, outside every component: its rules are plain class selectors.
 */

const CSS = `
:where([data-tt="page"]) { display: block; min-height: 100%; }
:where([data-tt="view"], [data-tt="navigator"], [data-tt="scroll-view"]) { display: block; }
:where([data-tt="text"]) { white-space: pre-wrap; }
:where([data-tt="scroll-view"]) { overflow: hidden; }
:where([data-tt="scroll-view"][data-tt-scroll-x]) { overflow-x: auto; }
:where([data-tt="scroll-view"][data-tt-scroll-y]) { overflow-y: auto; }

:where(img[data-tt="image"]) { display: inline-block; width: 320px; height: 240px; object-fit: fill; overflow: hidden; }
:where(img[data-tt="image"][data-tt-mode="aspectFit"]) { object-fit: contain; }
:where(img[data-tt="image"][data-tt-mode="aspectFill"]) { object-fit: cover; }
:where(img[data-tt="image"]:is([data-tt-mode="top"], [data-tt-mode="bottom"], [data-tt-mode="center"], [data-tt-mode="left"], [data-tt-mode="right"], [data-tt-mode="top left"], [data-tt-mode="top right"], [data-tt-mode="bottom left"], [data-tt-mode="bottom right"])) { object-fit: none; }
:where(img[data-tt="image"][data-tt-mode="top"]) { object-position: top; }
:where(img[data-tt="image"][data-tt-mode="bottom"]) { object-position: bottom; }
:where(img[data-tt="image"][data-tt-mode="left"]) { object-position: left; }
:where(img[data-tt="image"][data-tt-mode="right"]) { object-position: right; }
:where(img[data-tt="image"][data-tt-mode="top left"]) { object-position: top left; }
:where(img[data-tt="image"][data-tt-mode="top right"]) { object-position: top right; }
:where(img[data-tt="image"][data-tt-mode="bottom left"]) { object-position: bottom left; }
:where(img[data-tt="image"][data-tt-mode="bottom right"]) { object-position: bottom right; }
img[data-tt="image"][data-tt-mode="widthFix"] { height: auto !important; }
img[data-tt="image"][data-tt-mode="heightFix"] { width: auto !important; }

:where(button[data-tt="button"]) { display: block; position: relative; box-sizing: border-box; width: 100%; margin: 0 auto; padding: 0 14px;
  font: inherit; font-size: 17px; line-height: 2.55; text-align: center; border-radius: 6px; cursor: pointer;
  border: 1px solid #d0d3d6; background: #fff; color: #1f2329; }
:where(button[data-tt="button"][data-tt-type="primary"]) { background: #3370ff; border-color: #3370ff; color: #fff; }
:where(button[data-tt="button"][data-tt-type="warn"]) { background: #f54a45; border-color: #f54a45; color: #fff; }
:where(button[data-tt="button"][data-tt-plain]) { background: transparent; }
:where(button[data-tt="button"][data-tt-plain][data-tt-type="primary"]) { color: #3370ff; }
:where(button[data-tt="button"][data-tt-plain][data-tt-type="warn"]) { color: #f54a45; }
:where(button[data-tt="button"][data-tt-size="mini"]) { display: inline-block; width: auto; padding: 0 .9em; font-size: 13px; line-height: 2.3; }
:where(button[data-tt="button"]:disabled) { opacity: .6; cursor: not-allowed; }
:where(button[data-tt="button"]:active:not(:disabled)) { filter: brightness(.92); }
:where(button[data-tt="button"][data-tt-loading])::before { content: ""; display: inline-block; width: 1em; height: 1em; margin-right: .4em;
  vertical-align: -.15em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: tt-spin .8s linear infinite; }
@keyframes tt-spin { to { transform: rotate(360deg); } }

:where(input[data-tt="input"]) { display: block; box-sizing: border-box; width: 100%; height: 1.4em; min-height: 1.4em; padding: 0; border: 0;
  outline: none; background: transparent; font: inherit; color: inherit; }
:where(textarea[data-tt="textarea"]) { display: block; box-sizing: border-box; width: 300px; height: 150px; padding: 0; border: 0;
  outline: none; background: transparent; font: inherit; color: inherit; resize: none; }
:where(textarea[data-tt="textarea"][data-tt-auto-height]) { height: auto; min-height: 1.4em; field-sizing: content; }

:where([data-tt="slider"]) { display: flex; align-items: center; margin: 10px 18px; }
:where([data-tt="slider"]) > [data-tt-part="range"] { flex: 1; margin: 0; accent-color: #3370ff; }
:where([data-tt="slider"]) > [data-tt-part="value"] { display: none; min-width: 3em; margin-left: 14px; color: #8f959e; }
:where([data-tt="slider"][data-tt-show-value]) > [data-tt-part="value"] { display: inline-block; }

:where([data-tt="switch"]) { display: inline-block; position: relative; vertical-align: middle; line-height: 0; }
:where([data-tt="switch"]) > [data-tt-part="checkbox"] { appearance: none; -webkit-appearance: none; position: relative; margin: 0; width: 48px; height: 28px;
  border-radius: 14px; background: #dee0e3; cursor: pointer; transition: background .2s; }
:where([data-tt="switch"]) > [data-tt-part="checkbox"]:checked { background: var(--tt-switch-color, #3370ff); }
:where([data-tt="switch"]) > [data-tt-part="checkbox"]:disabled { opacity: .5; cursor: not-allowed; }
:where([data-tt="switch"]) > [data-tt-part="knob"] { position: absolute; top: 2px; left: 2px; width: 24px; height: 24px; border-radius: 50%;
  background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.3); pointer-events: none; transition: transform .2s; }
:where([data-tt="switch"]) > [data-tt-part="checkbox"]:checked + [data-tt-part="knob"] { transform: translateX(20px); }
:where([data-tt="switch"][data-tt-type="checkbox"]) > [data-tt-part="checkbox"] { appearance: auto; -webkit-appearance: checkbox; width: 20px; height: 20px;
  background: none; accent-color: var(--tt-switch-color, #3370ff); }
:where([data-tt="switch"][data-tt-type="checkbox"]) > [data-tt-part="knob"] { display: none; }

:where(span[data-tt="icon"]) { display: inline-block; line-height: 0; vertical-align: middle; }

:where([data-tt="form"], [data-tt="picker"], [data-tt="radio-group"], [data-tt="checkbox-group"], [data-tt="rich-text"]) { display: block; }
:where([data-tt="label"]) { display: inline; cursor: pointer; }
:where([data-tt="radio"], [data-tt="checkbox"]) { display: inline-flex; align-items: center; vertical-align: middle; cursor: pointer; }
:where([data-tt="radio"], [data-tt="checkbox"]) > [data-tt-part="icon"] { position: relative; box-sizing: border-box; flex: none; width: 20px; height: 20px;
  margin-right: 6px; border: 1.5px solid #bbbfc4; background: #fff; transition: background .15s, border-color .15s; }
:where([data-tt="radio"]) > [data-tt-part="icon"] { border-radius: 50%; }
:where([data-tt="checkbox"]) > [data-tt-part="icon"] { border-radius: 4px; }
:where([data-tt="radio"][data-tt-checked], [data-tt="checkbox"][data-tt-checked]) > [data-tt-part="icon"] { border-color: var(--tt-choice-color, #3370ff);
  background: var(--tt-choice-color, #3370ff); }
:where([data-tt="radio"][data-tt-checked]) > [data-tt-part="icon"]::after { content: ""; position: absolute; left: 50%; top: 50%; width: 8px; height: 8px;
  margin: -4px 0 0 -4px; border-radius: 50%; background: #fff; }
:where([data-tt="checkbox"][data-tt-checked]) > [data-tt-part="icon"]::after { content: ""; position: absolute; left: 5.5px; top: 1.5px; width: 4px; height: 9px;
  border: solid #fff; border-width: 0 2px 2px 0; transform: rotate(45deg); }
:where([data-tt="radio"][data-tt-disabled], [data-tt="checkbox"][data-tt-disabled]) { opacity: .5; cursor: not-allowed; }

:where([data-tt="progress"]) { display: flex; align-items: center; }
:where([data-tt="progress"]) > [data-tt-part="bar"] { flex: 1; overflow: hidden; }
:where([data-tt="progress"]) > [data-tt-part="bar"] > [data-tt-part="fill"] { width: 0; height: 100%; }
:where([data-tt="progress"]) > [data-tt-part="info"] { margin-left: 15px; min-width: 2.5em; }

:where([data-tt="swiper"]) { display: block; position: relative; height: 150px; overflow: hidden; touch-action: pan-y; user-select: none; }
:where([data-tt="swiper"][data-tt-vertical]) { touch-action: pan-x; }

.tt-picker-sheet { position: fixed; inset: 0; z-index: 2147482000; font: 16px -apple-system, system-ui, "PingFang SC", sans-serif; color: #1f2329; }
.tt-picker-mask { position: absolute; inset: 0; background: rgba(0, 0, 0, .4); animation: tt-fade-in .2s ease; }
.tt-picker-panel { position: absolute; left: 0; right: 0; bottom: 0; background: #fff; border-radius: 12px 12px 0 0; animation: tt-slide-up .2s ease; }
.tt-picker-header { display: flex; align-items: center; height: 48px; padding: 0 4px; border-bottom: 1px solid #eff0f1; }
.tt-picker-header > button { height: 100%; padding: 0 12px; border: 0; background: none; font: inherit; cursor: pointer; }
.tt-picker-cancel { color: #646a73; }
.tt-picker-confirm { color: #3370ff; font-weight: 500; }
.tt-picker-title { flex: 1; overflow: hidden; text-align: center; text-overflow: ellipsis; white-space: nowrap; font-weight: 500; }
.tt-picker-body { position: relative; display: flex; padding: 8px 0 24px; }
.tt-picker-column { flex: 1; box-sizing: border-box; overflow-y: auto; overscroll-behavior: contain; scroll-snap-type: y mandatory; scrollbar-width: none; }
.tt-picker-column::-webkit-scrollbar { display: none; }
.tt-picker-item { overflow: hidden; padding: 0 6px; color: #8f959e; text-align: center; text-overflow: ellipsis; white-space: nowrap; scroll-snap-align: center; cursor: pointer; }
.tt-picker-item-selected { color: #1f2329; font-weight: 500; }
.tt-picker-indicator { position: absolute; left: 8px; right: 8px; top: 88px; height: 40px; border-radius: 8px; background: rgba(31, 35, 41, .05); pointer-events: none; }
@keyframes tt-slide-up { from { transform: translateY(100%); } }
@keyframes tt-fade-in { from { opacity: 0; } }
`;

export const COMPONENT_STYLE_ATTRIBUTE = 'data-ttsim-components';

/** Adds the component stylesheet to the document's head (first, so page styles come after it) once. */
export function ensureComponentStyles(document: Document): void {
  if (document.querySelector(`style[${COMPONENT_STYLE_ATTRIBUTE}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(COMPONENT_STYLE_ATTRIBUTE, '');
  style.textContent = CSS;
  const head = document.head ?? document.documentElement;
  head.insertBefore(style, head.firstChild);
}
