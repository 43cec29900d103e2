/**
 * The canvas APIs (the <canvas canvas-id> component's drawing context and its export). They run in the guest
 * runtime (side: 'guest'), where the canvas is; the host checks support and validates their parameters
 * against these entries. canvasToTempFilePath's bytes go to the host over a bridge message of their own
 * (`store-image`), which writes the file into ttfile://temp.
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { docs, GADGET_ONLY } from './sources.js';

/** The pages these entries are read from (paths below https://open.feishu.cn/document/client-docs/gadget/-web-app-api/). */
const canvasDocs = {
  createCanvasContext: 'Feishu/Lark client API "createCanvasContext" (界面 › Canvas绘图, open.larksuite.com/document/uYjL24iN/uMTNy4yM1IjLzUjM; the stored copy has no Harmony column)',
  canvasToTempFilePath: 'Feishu client API "canvasToTempFilePath" (…/interface/canvas-drawing/canvastotempfilepath)',
  wechatFamily: 'WeChat-compatible family: wx.createCanvasContext / wx.canvasToTempFilePath and Douyin tt.canvasToTempFilePath (canvas V1) pages',
} as const;


export const createCanvasContext = defineApi({
  name: 'createCanvasContext',
  style: 'sync',
  side: 'guest',
  summary: 'Returns the drawing context (CanvasContext) of the <canvas canvas-id> on the page: calls are recorded and drawn on draw().',
  doc: canvasDocs.createCanvasContext,
  // The second argument (a page or component instance) never crosses the bridge: the guest uses it to pick the page.
  params: z.strictObject({ canvasId: z.string() }),
  result: z.unknown(),
  support: {
    matrix: GADGET_ONLY,
    provenance: inferred(`${canvasDocs.createCanvasContext}: ✓ on Android, iOS and PC for gadgets, ✗ for web apps (documented); Harmony 7.35.0+ from the canvasToTempFilePath page`),
  },
  behaviours: [
    { id: 'recorded-until-draw', platforms: 'all', text: 'Drawing calls are recorded and run on the canvas only when draw() is called; draw() then empties the record.', provenance: documented(canvasDocs.createCanvasContext) },
    { id: 'draw-reserve', platforms: 'all', text: 'draw(reserve = false, callback): without reserve the canvas is cleared first and its drawing state (styles, transform, clip) starts afresh; with reserve the new drawing goes on top and the state carries on.', provenance: inferred(`${canvasDocs.wechatFamily} (clearing documented; the state reset is assumed)`) },
    { id: 'callback-after-pixels', platforms: 'all', text: 'The draw callback runs once the pixels are on the canvas, after every drawImage source (package path, ttfile://, http(s) URL) has loaded; a source that fails to load is skipped with a console warning.', provenance: inferred(`${canvasDocs.wechatFamily}: export in the draw() callback to get the drawing`) },
    { id: 'canvas-looked-up-at-draw', platforms: 'all', text: 'The canvas is looked up by canvas-id when draw() runs, on the page passed as the second argument or else the page that was current at createCanvasContext; so a context made in onLoad draws once the page has rendered.', provenance: assumed('WeChat resolves the canvas when the actions reach the native side') },
    { id: 'component-scope', platforms: 'all', text: 'With a custom component instance as the second argument (createCanvasContext(id, this)), the canvas-id is looked up among that instance\'s own canvases only, so each instance of a component draws on its own <canvas>. Without it the whole current page is searched, components included (a real client most likely finds only the page\'s own canvases there).', provenance: inferred(`${canvasDocs.wechatFamily}: "在自定义组件下，当前组件实例的 this，以操作组件内 <canvas> 组件"`) },
    { id: 'missing-canvas', platforms: 'all', text: 'draw() on a page without that canvas-id draws nothing, logs an error naming the canvas-ids on the page and does not call the callback.', provenance: assumed('a real client draws nothing; ttsim says why') },
    { id: 'css-pixels', platforms: 'all', text: 'Coordinates, sizes and line widths are in px of the canvas\'s CSS size; the backing store holds device pixelRatio times as many pixels.', provenance: inferred(canvasDocs.wechatFamily) },
    { id: 'colors-and-fonts', platforms: 'all', text: 'Colors take any CSS color string, gradients (createLinearGradient, createCircularGradient) or patterns; the font defaults to 10px sans-serif and setFontSize changes only its size; measureText returns { width } for the current font.', provenance: inferred(canvasDocs.wechatFamily) },
    { id: 'property-setters-3.45', platforms: 'all', text: 'The property forms (ctx.fillStyle = …, lineWidth, font, globalAlpha, …) work from client 3.45.0; on older clients an assignment has no effect (ttsim warns once).', provenance: documented(`${canvasDocs.createCanvasContext}: "lineWidth … Lark V3.45 及以上版本支持"; ttsim applies the note to every property form (assumed)`) },
    { id: 'type-2d-not-emulated', platforms: 'all', text: '<canvas type="2d"> (the Canvas 2D node interface) is not emulated yet: ttsim warns and createCanvasContext still draws on it.', provenance: assumed('a ttsim limitation, not a client behaviour') },
  ],
  failures: [
    { errno: Errno.invalidParameter, when: 'canvasId is not a string (the context then draws nothing)', provenance: assumed(docs.errno) },
    { errno: Errno.notSupported, when: 'web apps, Harmony before 7.35.0 (the context then draws nothing)', provenance: documented(canvasDocs.createCanvasContext) },
  ],
});

export const canvasToTempFilePath = defineApi({
  name: 'canvasToTempFilePath',
  style: 'async',
  side: 'guest',
  summary: 'Exports a region of a <canvas> as a PNG or JPEG file in ttfile://temp.',
  doc: canvasDocs.canvasToTempFilePath,
  params: z.strictObject({
    canvasId: z.string().min(1),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    width: z.number().finite().optional(),
    height: z.number().finite().optional(),
    destWidth: z.number().finite().optional(),
    destHeight: z.number().finite().optional(),
    fileType: z.string().optional(),
    quality: z.number().optional(),
  }),
  result: z.strictObject({ tempFilePath: z.string() }),
  support: { matrix: GADGET_ONLY, provenance: documented(canvasDocs.canvasToTempFilePath) },
  behaviours: [
    { id: 'region-defaults', platforms: 'all', text: 'x and y default to 0, width and height to the canvas element\'s size, destWidth and destHeight to width and height: the file has destWidth × destHeight pixels, the region stretched to fit; parts outside the canvas are transparent.', provenance: documented(canvasDocs.canvasToTempFilePath) },
    { id: 'file-types', platforms: 'all', text: 'fileType png (default) or jpg; quality (default 1) applies to jpg only.', provenance: documented(canvasDocs.canvasToTempFilePath) },
    { id: 'unknown-file-type-png', platforms: 'all', text: 'Any other fileType gives a PNG.', provenance: inferred(`${canvasDocs.wechatFamily}: "如果指定了无效的类型则认为是 png"`) },
    { id: 'quality-out-of-range', platforms: 'all', text: 'A quality outside (0, 1] is taken as 1.', provenance: inferred(`${canvasDocs.wechatFamily}: "不在范围内时当作 1.0 处理"`) },
    { id: 'jpeg-transparent-black', platforms: 'all', text: 'Transparent pixels come out black in a JPEG (paint a background first).', provenance: assumed('what the encoder of the canvas does (Chromium here); WeChat-family developers report black backgrounds in jpg exports') },
    { id: 'waits-for-draw', platforms: 'all', text: 'The export waits for draw() calls still loading their images on that canvas, then reads what is on it.', provenance: assumed('the family asks to export in the draw() callback; ttsim orders them so that the export never races the drawing') },
    { id: 'current-page', platforms: 'all', text: 'The canvas is looked up by canvas-id on the current page, or among a custom component instance\'s own canvases when that instance is the second argument (canvasToTempFilePath(params, this)); a canvasId not there fails with 104, naming the canvas-ids that are.', provenance: assumed('the doc gives no error list; the message is ttsim\'s; the component argument is inferred from the WeChat family') },
    { id: 'temp-file-name', platforms: 'all', text: 'The file is a fresh ttfile://temp/<uuid>.png or .jpg, written atomically by the host.', provenance: assumed('the doc gives no example path') },
    { id: 'format-checked', platforms: 'all', text: 'The host checks the encoded bytes are the promised format by their magic bytes (PNG or JPEG), else the call fails with 1300009 and nothing is written.', provenance: assumed('a self-check of ttsim\'s guest encoder') },
  ],
  failures: [
    { errno: Errno.invalidParameter, when: 'canvasId missing or not on the current page; a region or destination size that is not positive or over 16384 px on a side; an unknown parameter when the session is strict', provenance: assumed(docs.errno) },
    { errno: Errno.notSupported, when: 'web apps, Harmony before 7.35.0', provenance: documented(canvasDocs.canvasToTempFilePath) },
    { errno: Errno.internal, when: 'the canvas cannot be read: it holds an http image from a server that does not allow cross-origin reads', provenance: assumed('a browser limit of the simulator; a real client downloads images natively') },
    { errno: Errno.writeSizeLimitExceeded, when: 'the encoded image is larger than 40 MiB', provenance: assumed('ttsim\'s limit for the bridge') },
    { errno: Errno.invalidImageData, when: 'the encoded bytes are not the promised PNG / JPEG', provenance: assumed(docs.errno) },
  ],
});
