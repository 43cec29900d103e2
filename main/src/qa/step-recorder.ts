/**
 * Records what a `ttsim/test` test did, step by step, for the report: the host's events between a step's
 * start and end (calls with their rules, guest errors), the images the calls read and wrote, and a
 * screenshot of the device when the step ends. Steps are the test's own `test.step`s (top level); what
 * happens outside any step goes to a step named after the test's phase ("launch", "after the last step").
 */
import * as fs from 'node:fs';
import sharp from 'sharp';
import type { TestInfo } from '@playwright/test';
import type { HostEvent } from '../../../emulator-api/src/protocol/messages.js';
import type { Simulator } from '../automation/index.js';
import { profileName } from './profile-spec.js';
import { imagePathsOf, RUN_ATTACHMENT, RUN_CONTENT_TYPE, summariseCall, type QaImage, type QaRun, type QaStep } from './run-record.js';

/** Images up to this size are attached to the report inline; larger ones are described only. */
const INLINE_IMAGE_BYTES = 2 * 1024 * 1024;
/** Step screenshots are scaled to this width for the report. */
const SCREENSHOT_WIDTH = 360;

type CallEvent = Extract<HostEvent, { type: 'call' }>;

export class StepRecorder {
  private readonly steps: QaStep[] = [];
  private depth = 0;
  private fromSeq = 0;
  private attachments = 0;
  /** Images already attached (path, size, mtime → attachment), so an input used by three calls is kept once. */
  private readonly attached = new Map<string, string>();

  constructor(
    private readonly sim: Simulator,
    private readonly testInfo: TestInfo,
  ) {}

  /** A top-level step begins: what came before it is its own step when it called anything. */
  async begin(): Promise<void> {
    if (this.depth++ > 0) return;
    await this.flush(this.steps.length === 0 ? 'launch' : 'between steps', { screenshot: false });
  }

  async end(title: string, error?: unknown): Promise<void> {
    if (--this.depth > 0) return;
    await this.flush(title, { screenshot: true, error, always: true });
  }

  /** The test is over: the rest of its events, then the run as an attachment. */
  async finish(): Promise<void> {
    await this.flush(this.steps.length === 0 ? 'test' : 'after the last step', { screenshot: this.steps.length === 0 });
    const { profile } = this.sim;
    const run: QaRun = {
      format: 'ttsim-run@1',
      profileName: profileName({ app: profile.app, platform: profile.platform, client: profile.client }),
      profile: { app: profile.app, platform: profile.platform, client: profile.client, device: profile.device.id },
      project: this.sim.session.project.name,
      steps: this.steps,
    };
    await this.testInfo.attach(RUN_ATTACHMENT, { body: JSON.stringify(run), contentType: RUN_CONTENT_TYPE });
  }

  private async flush(title: string, options: { screenshot: boolean; error?: unknown; always?: boolean }): Promise<void> {
    const events = this.sim.events().filter((e) => e.seq > this.fromSeq);
    this.fromSeq = events.at(-1)?.seq ?? this.fromSeq;
    const calls = events.filter((e): e is CallEvent => e.type === 'call');
    const guestErrors = events.flatMap((e) =>
      e.type === 'guest' && e.event.kind === 'error' ? [`${e.event.message}${e.event.file ? ` (${e.event.file}${e.event.line ? `:${e.event.line}` : ''})` : ''}`]
      : e.type === 'console' && e.level === 'error' ? [e.args.join(' ')]
      : []);
    if (!options.always && calls.length === 0 && guestErrors.length === 0) return;
    const summaries = [];
    for (const call of calls) summaries.push(summariseCall(call, await this.images(call)));
    const screenshot = options.screenshot ? await this.screenshot() : undefined;
    const error = options.error === undefined ? undefined : options.error instanceof Error ? options.error.message : String(options.error);
    this.steps.push({ title, status: error === undefined ? 'passed' : 'failed', ...(error !== undefined ? { error } : {}), calls: summaries, guestErrors, ...(screenshot ? { screenshot } : {}) });
  }

  private async images(call: CallEvent): Promise<QaImage[]> {
    const images: QaImage[] = [];
    for (const { role, path } of imagePathsOf(call)) {
      let bytes: Buffer;
      let key: string;
      try {
        const file = this.sim.session.resolve(path);
        const stat = fs.statSync(file);
        key = `${file}:${stat.size}:${stat.mtimeMs}`;
        bytes = fs.readFileSync(file);
      } catch {
        continue; // a path the call failed on, or a file gone since
      }
      const meta = await sharp(bytes).metadata().catch(() => undefined);
      let name = this.attached.get(key);
      if (!name && bytes.length <= INLINE_IMAGE_BYTES) {
        name = `ttsim-image-${++this.attachments}`;
        this.attached.set(key, name);
        await this.testInfo.attach(name, { body: bytes, contentType: meta?.format ? `image/${meta.format}` : 'application/octet-stream' });
      }
      images.push({ role, path, bytes: bytes.length, format: meta?.format ?? 'unknown', ...(meta?.width ? { width: meta.width, height: meta.height } : {}), ...(name ? { attachment: name } : {}) });
    }
    return images;
  }

  private async screenshot(): Promise<string | undefined> {
    const name = `ttsim-screen-${++this.attachments}`;
    try {
      const png = await this.sim.screenScreenshot();
      // The report shows the screen to see what happened, not to compare pixels: a small JPEG keeps it light.
      const jpeg = await sharp(png).resize({ width: SCREENSHOT_WIDTH, withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
      await this.testInfo.attach(name, { body: jpeg, contentType: 'image/jpeg' });
      return name;
    } catch {
      return undefined; // the page is gone (the test closed it): the step has no picture
    }
  }
}
