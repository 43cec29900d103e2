/**
 * The guest side of tt.createCanvasContext and tt.canvasToTempFilePath. Contexts record; draw() finds the
 * <canvas canvas-id> on its page, loads the images, then runs the record on the canvas (draws of one canvas
 * run in order). canvasToTempFilePath encodes a region of the canvas in the browser and hands the bytes to
 * the host (a `store-image` bridge message), which writes the file into ttfile://temp.
 */
import type { BaseCallContext } from '../../../../emulator-api/src/common/call.js';
import type { FailResult, SuccessResult } from '../../../../emulator-api/src/common/callbacks.js';
import type { canvasToTempFilePath as CanvasToTempFilePathSpec } from '../../../../emulator-api/src/common/apis/canvas.js';
import { Errno, TtError } from '../../../../emulator-api/src/common/errors.js';
import type { ClientProfile } from '../../../../emulator-api/src/common/profiles.js';
import type { z } from 'zod';
import { CANVAS_ID_ATTRIBUTE, CANVAS_TYPE_ATTRIBUTE } from '../../dom/components/canvas.js';
import type { GuestCallContext, GuestSyncCall } from '../tt.js';
import { CanvasContext, type DrawBatch } from './context.js';
import { executeOps } from './execute.js';
import { ImageLoader, type LoadedImage } from './images.js';
import { imageSources } from './ops.js';
import { prepareSurface } from './surface.js';

/**
 * Where canvases are looked up: a page (PageInstance), or a custom component instance's own template
 * (`owns` then tells its canvases from those of components nested in it).
 */
export interface CanvasPage {
  readonly route: string;
  readonly container: HTMLElement;
  owns?(canvas: HTMLElement): boolean;
}

export interface CanvasRuntimeOptions {
  readonly document: Document;
  readonly profile: ClientProfile;
  /** Hands the encoded image to the host, which writes it into ttfile://temp (Bridge.storeImage). */
  storeImage(data: ArrayBuffer, fileType: 'png' | 'jpg'): Promise<SuccessResult | FailResult>;
  /** Counts work in flight, for the automation's "wait until idle". */
  track<T>(work: Promise<T>): Promise<T>;
  currentPage(): CanvasPage | undefined;
  /** The canvases of a custom component instance (`this` in its code), or undefined for anything else. */
  componentScope(value: unknown): CanvasPage | undefined;
  /** Package path (relative to the page), ttfile:// path or URL → a URL the guest can load. */
  resolveImageSrc(route: string, src: string): string;
}

type ExportParams = z.output<(typeof CanvasToTempFilePathSpec)['params']>;

/** The property forms of CanvasContext (ctx.lineWidth = …) came with this client (documented for lineWidth). */
const PROPERTY_SETTERS_SINCE = [3, 45, 0];
/** Larger exports are refused: the bytes travel to the host over the bridge socket. */
const MAX_ENCODED_BYTES = 40 * 1024 * 1024;
const MAX_SIDE = 16384;

function atLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map(Number);
  for (let i = 0; i < minimum.length; i++) {
    const a = parts[i] ?? 0;
    if (a !== minimum[i]) return a > minimum[i]!;
  }
  return true;
}

function isPage(value: unknown): value is CanvasPage {
  const page = value as CanvasPage | null | undefined;
  return typeof page === 'object' && page !== null && typeof page.route === 'string' && typeof HTMLElement !== 'undefined' && page.container instanceof HTMLElement;
}

function canvasesOn(page: CanvasPage): HTMLElement[] {
  const all = [...page.container.querySelectorAll<HTMLElement>(`[${CANVAS_ID_ATTRIBUTE}]`)];
  return page.owns ? all.filter((canvas) => page.owns!(canvas)) : all;
}

function findCanvas(page: CanvasPage, canvasId: string): HTMLElement | undefined {
  return canvasesOn(page).find((element) => element.getAttribute(CANVAS_ID_ATTRIBUTE) === canvasId);
}

/** `its canvas-ids are "a", "b"` or `it has no <canvas canvas-id>`, for messages that say what to fix. */
function describeCanvases(page: CanvasPage): string {
  const ids = canvasesOn(page).map((element) => JSON.stringify(element.getAttribute(CANVAS_ID_ATTRIBUTE)));
  return ids.length > 0 ? `its canvas-ids are ${ids.join(', ')}` : 'it has no <canvas canvas-id>';
}

function encode(canvas: HTMLCanvasElement, mime: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob(resolve, mime, quality);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export function createCanvasRuntime(options: CanvasRuntimeOptions) {
  const ratio = options.profile.device.pixelRatio;
  const propertySetters = atLeast(options.profile.client, PROPERTY_SETTERS_SINCE);
  const loader = new ImageLoader(options.document);
  /** The last draw queued on each canvas (by page container and canvas-id): draws and exports wait their turn. */
  const queues = new WeakMap<HTMLElement, Map<string, Promise<unknown>>>();
  /** Canvases with a drawing from a server that did not allow CORS, and which one. */
  const tainted = new WeakMap<HTMLCanvasElement, string>();

  let measuring: CanvasRenderingContext2D | null | undefined;
  const measure = (text: string, font: string): number => {
    measuring ??= options.document.createElement('canvas').getContext('2d');
    if (!measuring) return text.length * (Number(/(\d*\.?\d+)px/.exec(font)?.[1]) || 10) * 0.6;
    measuring.font = font;
    return measuring.measureText(text).width;
  };

  const enqueue = <T>(page: CanvasPage, canvasId: string, work: () => Promise<T>): Promise<T> => {
    let perPage = queues.get(page.container);
    if (!perPage) queues.set(page.container, (perPage = new Map()));
    const previous = perPage.get(canvasId) ?? Promise.resolve();
    const next = previous.then(work, work);
    perPage.set(canvasId, next.catch(() => undefined));
    return next;
  };

  const loadImages = async (page: CanvasPage, sources: readonly string[]): Promise<{ images: Map<string, CanvasImageSource>; taints: string | undefined }> => {
    const images = new Map<string, CanvasImageSource>();
    let taints: string | undefined;
    await Promise.all(
      sources.map(async (src) => {
        let loaded: LoadedImage;
        try {
          loaded = await loader.load(options.resolveImageSrc(page.route, src));
        } catch {
          console.warn(`CanvasContext.drawImage: could not load ${JSON.stringify(src)} (${page.route}): it is not drawn`);
          return;
        }
        images.set(src, loaded.image);
        if (loaded.taints) taints ??= src;
      }),
    );
    return { images, taints };
  };

  const drawBatch = async (page: CanvasPage, canvasId: string, batch: DrawBatch): Promise<boolean> => {
    const element = findCanvas(page, canvasId);
    if (!element) {
      console.error(`CanvasContext.draw: page ${page.route} has no <canvas canvas-id=${JSON.stringify(canvasId)}> (${describeCanvases(page)}): nothing is drawn`);
      return false;
    }
    const { images, taints } = await loadImages(page, imageSources(batch.ops));
    const surface = prepareSurface(element, ratio, batch.reserve);
    if (!batch.reserve) tainted.delete(surface.canvas);
    if (taints) tainted.set(surface.canvas, taints);
    executeOps(surface.ctx, batch.ops, { ratio, images, warn: (message) => console.warn(message) });
    return true;
  };

  const createCanvasContext = ({ args, checked }: GuestSyncCall, ctx: BaseCallContext) => {
    const [canvasId, component] = args;
    // The page is fixed now (a context made in onLoad belongs to that page), the canvas is found at draw time.
    const scope = options.componentScope(component);
    const ownPage = isPage(component) ? component : (scope ?? options.currentPage());
    ctx.applyRule('recorded-until-draw');
    ctx.applyRule('canvas-looked-up-at-draw');
    // Every context draws in CSS px on a backing store pixelRatio times larger (prepareSurface) and takes CSS colors and fonts (executeOps).
    ctx.applyRule('css-pixels');
    ctx.applyRule('colors-and-fonts');
    if (scope) ctx.applyRule('component-scope');
    if (!propertySetters) ctx.applyRule('property-setters-3.45');
    /**
     * The draw() calls made before the call is recorded (in the same turn, as usual) add their rules to it; the
     * canvas they will look for is looked at just before the record, once that turn's renders are on the page.
     */
    let recorded = false;
    const atRecord: (() => void)[] = [];
    const context = new CanvasContext(String(canvasId), {
      propertySetters,
      measure,
      warn: (message) => console.warn(message),
      submit: (batch) => {
        const page = ownPage ?? options.currentPage();
        if (!recorded) {
          ctx.applyRule('draw-reserve');
          if (batch.callback) ctx.applyRule('callback-after-pixels');
          atRecord.push(() => {
            const element = page && findCanvas(page, String(canvasId));
            if (!element) ctx.applyRule('missing-canvas');
            else if (element.getAttribute(CANVAS_TYPE_ATTRIBUTE) === '2d') ctx.applyRule('type-2d-not-emulated');
          });
        }
        const drawing = checked.then((refused) => {
          if (refused) {
            console.error(`${refused.errMsg} (this CanvasContext draws nothing)`);
            return false;
          }
          if (!page) {
            console.error('CanvasContext.draw: no page is open, so there is no canvas to draw on');
            return false;
          }
          return enqueue(page, String(canvasId), () => drawBatch(page, String(canvasId), batch));
        });
        void options.track(
          drawing.then(
            (drawn) => {
              if (!drawn || !batch.callback) return;
              try {
                batch.callback();
              } catch (error) {
                console.error('a CanvasContext.draw callback threw:', error);
              }
            },
            (error: unknown) => console.error('CanvasContext.draw failed:', error),
          ),
        );
      },
    });
    const beforeRecord = () => {
      recorded = true;
      for (const check of atRecord.splice(0)) check();
    };
    return { params: { canvasId }, value: context, beforeRecord };
  };

  const exportCanvas = async (params: ExportParams, ctx: GuestCallContext): Promise<{ tempFilePath: string }> => {
    const page = options.componentScope(ctx.rest[0]) ?? options.currentPage();
    ctx.applyRule('current-page');
    if (!page) throw new TtError(Errno.invalidParameter, 'no page is open, so there is no canvas to export', { rule: 'current-page' });
    if (!findCanvas(page, params.canvasId)) {
      throw new TtError(Errno.invalidParameter, `canvas ${JSON.stringify(params.canvasId)} is not on page ${page.route}: ${describeCanvases(page)}`, { rule: 'current-page' });
    }
    ctx.applyRule('waits-for-draw');
    const surface = await enqueue(page, params.canvasId, async () => {
      const element = findCanvas(page, params.canvasId);
      if (!element) throw new TtError(Errno.invalidParameter, `canvas ${JSON.stringify(params.canvasId)} left page ${page.route} before it could be exported`);
      return prepareSurface(element, ratio, true);
    });

    const x = params.x ?? 0;
    const y = params.y ?? 0;
    const width = params.width ?? surface.cssWidth;
    const height = params.height ?? surface.cssHeight;
    const destWidth = Math.round(params.destWidth ?? width);
    const destHeight = Math.round(params.destHeight ?? height);
    if ([params.x, params.y, params.width, params.height, params.destWidth, params.destHeight].includes(undefined)) ctx.applyRule('region-defaults');
    if (!(width > 0 && height > 0)) throw new TtError(Errno.invalidParameter, `parameter error: width and height must be positive, got ${width} × ${height}`);
    if (!(destWidth >= 1 && destHeight >= 1 && destWidth <= MAX_SIDE && destHeight <= MAX_SIDE)) {
      throw new TtError(Errno.invalidParameter, `parameter error: destWidth and destHeight must be between 1 and ${MAX_SIDE}, got ${destWidth} × ${destHeight}`);
    }

    ctx.applyRule('file-types');
    const fileType = params.fileType === 'jpg' ? 'jpg' : 'png';
    if (params.fileType !== undefined && params.fileType !== 'jpg' && params.fileType !== 'png') ctx.applyRule('unknown-file-type-png');
    let quality = params.quality ?? 1;
    if (!(quality > 0 && quality <= 1)) {
      if (fileType === 'jpg') ctx.applyRule('quality-out-of-range');
      quality = 1;
    }
    if (fileType === 'jpg') ctx.applyRule('jpeg-transparent-black');

    const out = options.document.createElement('canvas');
    out.width = destWidth;
    out.height = destHeight;
    const outCtx = out.getContext('2d')!;
    outCtx.imageSmoothingQuality = 'high';
    const r = surface.ratio;
    // A source rectangle partly outside the canvas is clipped, the rest of the file stays transparent.
    outCtx.drawImage(surface.canvas, x * r, y * r, width * r, height * r, 0, 0, destWidth, destHeight);

    let blob: Blob | null;
    try {
      blob = await encode(out, fileType === 'jpg' ? 'image/jpeg' : 'image/png', quality);
    } catch (error) {
      const culprit = tainted.get(surface.canvas);
      throw new TtError(
        Errno.internal,
        culprit
          ? `the canvas cannot be read back: it holds ${JSON.stringify(culprit)}, from a server that does not allow cross-origin reads (serve it with Access-Control-Allow-Origin, or download it to ttfile:// first)`
          : `the canvas cannot be read back: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!blob) throw new TtError(Errno.internal, `the browser could not encode a ${destWidth} × ${destHeight} ${fileType}`);
    if (blob.size > MAX_ENCODED_BYTES) {
      throw new TtError(Errno.writeSizeLimitExceeded, `write size limit exceeded: the ${fileType} is ${blob.size} bytes, ttsim exports at most ${MAX_ENCODED_BYTES} (use a smaller destWidth / destHeight)`);
    }
    const stored = await options.storeImage(await blob.arrayBuffer(), fileType);
    ctx.applyRule('format-checked');
    if ('errno' in stored) throw new TtError((stored as FailResult).errno, stored.errMsg.replace(/^[^:]*:fail /, ''), { rule: 'format-checked' });
    ctx.applyRule('temp-file-name');
    return { tempFilePath: String(stored.tempFilePath) };
  };

  return {
    /** Guest implementations for the tt builder (createCanvasContext is a GuestSyncImplementation). */
    implementations() {
      return {
        createCanvasContext,
        canvasToTempFilePath: (params: ExportParams, ctx: GuestCallContext) => options.track(exportCanvas(params, ctx)),
      };
    },
  };
}
