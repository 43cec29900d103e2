/**
 * The components' default look, injected once per document as the first stylesheet. Every rule is wrapped
 * in `:where()` (specificity 0), so any TTSS rule — even a bare `view` — overrides it; only what WeChat
 * forces (image widthFix / heightFix) is !important. Colors follow Feishu's UI (primary #3370ff; assumed:
 * Feishu publishes no component stylesheet).
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
