/**
 * Loads the images a drawing needs. The guest document has an opaque origin, so every image is
 * cross-origin: it is asked for with CORS first (ttsim's own package and ttfile:// routes allow it, so the
 * canvas stays readable for canvasToTempFilePath); an http image from a server without CORS is loaded again
 * without, which draws but leaves the canvas unreadable ("tainted").
 */

export interface LoadedImage {
  readonly image: HTMLImageElement;
  /** Drawn from a server that does not allow cross-origin reads: the canvas cannot be exported after. */
  readonly taints: boolean;
}

export class ImageLoader {
  /** Successful loads only, so that a file that appears later is tried again. */
  private readonly cache = new Map<string, Promise<LoadedImage>>();

  constructor(private readonly document: Document) {}

  load(url: string): Promise<LoadedImage> {
    let loading = this.cache.get(url);
    if (!loading) {
      loading = this.fetch(url, true).catch((error: unknown) => (/^https?:/i.test(url) ? this.fetch(url, false) : Promise.reject(error)));
      this.cache.set(url, loading);
      loading.catch(() => this.cache.delete(url));
    }
    return loading;
  }

  private fetch(url: string, cors: boolean): Promise<LoadedImage> {
    return new Promise((resolve, reject) => {
      const image = this.document.createElement('img');
      if (cors) image.crossOrigin = 'anonymous';
      image.onload = () => resolve({ image, taints: !cors });
      image.onerror = () => reject(new Error(`could not load ${url}`));
      image.src = url;
    });
  }
}
