/**
 * The simulator's image picker: when a gadget calls tt.chooseImage and no test queued files, the host asks
 * the devtools to show a picker (sample images shipped with ttsim, or files the user uploads from disk) and
 * waits for the answer. With no devtools connected the call is cancelled at once, as before (errno 1300001).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PickerRequest, PickerSample } from '../../../emulator-api/src/protocol/messages.js';

/** examples/images, found from the compiled file (dist/main/src/node) or from the source file (main/src/node). */
function imagesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../../../examples/images'), path.resolve(here, '../../../examples/images')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'photo.jpg'))) ?? candidates[0]!;
}

/** The images the picker offers, each for a case a gadget should handle (examples/images). */
export const pickerSamples: readonly (PickerSample & { readonly file: string })[] = [
  { id: 'photo', name: 'photo.jpg', description: 'A JPEG photo, 640 × 853', file: 'photo.jpg' },
  { id: 'alpha-png', name: 'translucent.png', description: 'A PNG with a transparent background, 240 × 320', file: 'translucent.png' },
  { id: 'exif-rotated', name: 'photo-rotated.jpg', description: 'A JPEG stored 800 × 600 with EXIF orientation 6 (shows upright as 600 × 800)', file: 'photo-rotated.jpg' },
  { id: 'animated-gif', name: 'animated.gif', description: 'An animated GIF, 3 frames of 120 × 80', file: 'animated.gif' },
  { id: 'heic', name: 'photo.heic', description: 'A file named and headed as HEIC (iPhone photos); ttsim cannot decode HEVC here, so it tests the failure path', file: 'photo.heic' },
];

/** The host file of a sample image. */
export const samplePath = (sample: { readonly file: string }): string => path.join(imagesDir(), sample.file);

type ChooseRequest = { readonly count: number; readonly sourceType: readonly ('album' | 'camera')[] };

interface Pending {
  readonly resolve: (paths: readonly string[]) => void;
}

export class ImagePicker {
  private readonly pending = new Map<string, Pending>();
  private readonly askers = new Set<(request: PickerRequest) => void>();

  constructor(
    /** Where uploaded files are kept until the session closes. */
    private readonly uploadDir: string,
  ) {}

  /** A devtools connection that can show the picker; returns the function that removes it. */
  offer(ask: (request: PickerRequest) => void): () => void {
    this.askers.add(ask);
    return () => this.askers.delete(ask);
  }

  /**
   * Decides a chooseImage instead of asking this picker's devtools at once (a live compare answers the same
   * round of every profile with one answer: compare-group.ts); `ask` asks them.
   */
  gate: ((request: ChooseRequest, ask: () => Promise<readonly string[]>) => Promise<readonly string[]>) | undefined;

  /** Whether a devtools connection shows this picker. */
  get shown(): boolean {
    return this.askers.size > 0;
  }

  /** The session's chooser: asks the devtools, or answers nothing (a cancel) when none is connected. */
  choose(request: ChooseRequest): Promise<readonly string[]> {
    return this.gate ? this.gate(request, () => this.ask(request)) : this.ask(request);
  }

  /** Asks the devtools connected to this picker (none: a cancel at once). */
  ask(request: ChooseRequest): Promise<readonly string[]> {
    if (this.askers.size === 0) return Promise.resolve([]);
    const id = randomUUID();
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      for (const ask of this.askers) ask({ id, count: request.count, sourceType: [...request.sourceType] });
    });
  }

  /** The user's answer: samples by id and uploads by id, in order (at most `count` are used); none is a cancel. */
  answer(id: string, chosen: readonly { sample?: string | undefined; upload?: string | undefined }[]): void {
    const pending = this.pending.get(id);
    if (!pending) throw new Error(`no picker is waiting for an answer to ${id} (it was answered or cancelled)`);
    const paths = chosen.map((item) => {
      if (item.sample !== undefined) {
        const sample = pickerSamples.find((s) => s.id === item.sample);
        if (!sample) throw new Error(`no sample image ${JSON.stringify(item.sample)}; ttsim offers ${pickerSamples.map((s) => s.id).join(', ')}`);
        return samplePath(sample);
      }
      const upload = item.upload ?? '';
      if (!/^[\w-]+\/[^/\\]+$/.test(upload) || !fs.existsSync(path.join(this.uploadDir, upload))) throw new Error(`no uploaded file ${JSON.stringify(upload)}`);
      return path.join(this.uploadDir, upload);
    });
    this.pending.delete(id);
    pending.resolve(paths);
  }

  /** Keeps an uploaded file (its bytes and name) for a later answer; returns its id. */
  upload(name: string, bytes: Buffer): string {
    const safeName = path.basename(name).replace(/[^\w.-]/g, '_').slice(0, 120) || 'upload';
    const id = `${randomUUID()}/${safeName}`;
    fs.mkdirSync(path.join(this.uploadDir, path.dirname(id)), { recursive: true });
    fs.writeFileSync(path.join(this.uploadDir, id), bytes);
    return id;
  }

  removeUploads(): void {
    fs.rmSync(this.uploadDir, { recursive: true, force: true });
  }

  /** Every question still open is cancelled (the session closes). */
  cancelAll(): void {
    for (const pending of this.pending.values()) pending.resolve([]);
    this.pending.clear();
  }
}
