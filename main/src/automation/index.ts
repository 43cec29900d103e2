/**
 * ttsim/automation: drive a gadget or web app in the simulator from any test runner.
 *
 *   const sim = await launch({ project: 'examples/compress-demo', platform: 'ios', client: '7.35.0' });
 *   const page = await sim.currentPage();
 *   await (await page.$('button.choose')).tap();
 *
 * The host runs in this process (server on 127.0.0.1), the guest in headless Chromium (playwright-core).
 * Page, data, navigation, modal and app-visibility calls are protocol requests (emulator-api/src/protocol,
 * `guestOps`) that the host forwards to the guest; taps and typing are real input through Playwright.
 * Every action resolves after what it caused has settled and rendered: no fixed sleeps. Gadgets and web
 * apps alike: a web app's page is its document (path = its path in the package, root = its body).
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type Frame, type Locator, type Page as PwPage } from 'playwright-core';
import type { ProfileOptions } from '../../../emulator-api/src/common/profiles.js';
import { DEFAULT_CLIENT } from '../../../emulator-api/src/common/profiles.js';
import { canIUse } from '../../../emulator-api/src/common/support.js';
import type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import type { CurrentPage, DialogAnswer, GuestOp, HostEvent, navigationMethods, OpParams, OpReply, Overlay } from '../../../emulator-api/src/protocol/messages.js';
import { ProtocolClient } from './protocol-client.js';
import { Host, type HostSession, type MockAnswer, type OpenSessionOptions } from '../node/host.js';
import type { NetworkPolicy, RequestMock, UrlPattern } from '../../../emulator-api/src/node/network-policy.js';
export type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
export type { MockedRequest, MockResponse, NetworkPolicy, RequestMock, UrlPattern } from '../../../emulator-api/src/node/network-policy.js';
import { startServer, type RunningServer } from '../node/server.js';

export interface LaunchOptions extends Partial<ProfileOptions> {
  /** Gadget (app.json) or web-app (index.html) folder. */
  project: string;
  /** Chromium binary; default /usr/bin/chromium or $TTSIM_CHROMIUM. */
  executablePath?: string;
  /** How long an action may wait for the guest to settle; default 10 s. */
  timeoutMs?: number;
  dataDir?: string;
  /** Called before the guest starts, e.g. to mock APIs that run at launch. */
  beforeStart?: (session: HostSession) => void;
  /** API mocks installed before App.onLaunch runs (as mockTT would later). */
  mocks?: Readonly<Record<string, MockAnswer>>;
  /** Who login / getUserInfo answer for (never a real account). */
  testUser?: OpenSessionOptions['testUser'];
  /** What getLaunchOptionsSync answers: path, query, scene. */
  launchOptions?: OpenSessionOptions['launch'];
  /** Web apps: which h5sdk.config signatures the simulated client rejects; default none. */
  jssdk?: OpenSessionOptions['jssdk'];
  /** Network policy from the start: 'online' (default), 'offline' or { allow: ['127.0.0.1:8080', '*.example.com'] }. */
  network?: NetworkPolicy;
  /**
   * Which page holds the guest: 'plain' (default: the device and a live log beside it), 'device' (the
   * guest's own page alone, at the device's window size: the lightest and quickest to start, what the
   * ttsim/test fixture uses) or 'devtools' (the React UI).
   */
  ui?: SimulatorUi;
  /** Reload the guest when a file of the project changes (as `ttsim dev` does), keeping its page and query. */
  watch?: boolean;
  /** Fail calls with a parameter Feishu does not know (errno 104) instead of ignoring it as a client does. */
  strict?: boolean;
  /** The browser page's size; default the device's window plus room for the shell (the devtools like 1400 × 900). */
  viewport?: { width: number; height: number };
}

/**
 * The Chromium flags ttsim runs with: headless without the OS sandbox (as in a container), no GPU, no
 * background traffic. IsolateSandboxedIframes off: Chromium otherwise starts a renderer process for the
 * guest's sandboxed frame, about a fifth of a gadget's start; the frame stays an opaque origin. Source
 * positions compiled with the code: with Playwright attached, every request, socket and console call
 * captures its JS stack, and V8 would otherwise re-parse each function on such a stack the first time
 * (the runtime's and the gadget's), tens of milliseconds of every start.
 */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=IsolateSandboxedIframes', '--js-flags=--no-enable-lazy-source-positions'];

/** What the simulator shows over the page (a modal, action sheet, image viewer, toast or loading), with its answers. */
export interface OpenModal extends Overlay {
  /** Presses the modal's confirm button. */
  confirm(): Promise<void>;
  /** Presses cancel (modal, action sheet) or closes the image viewer. */
  cancel(): Promise<void>;
  /** Taps item `index` of the action sheet. */
  choose(index: number): Promise<void>;
}

export class SimulatorElement {
  constructor(
    private readonly sim: Simulator,
    readonly locator: Locator,
    readonly selector: string,
  ) {}

  async tap(): Promise<void> {
    await this.locator.click({ timeout: this.sim.timeoutMs });
    await this.sim.settle(`the render after tapping ${this.selector}`);
  }

  /** Types into an input or textarea (replacing its value), as the user would. */
  async input(text: string): Promise<void> {
    const field = this.locator.locator('xpath=descendant-or-self::*[self::input or self::textarea][1]');
    await field.fill(text, { timeout: this.sim.timeoutMs });
    await this.sim.settle(`the render after typing into ${this.selector}`);
  }

  async text(): Promise<string> {
    return (await this.locator.innerText({ timeout: this.sim.timeoutMs })).trim();
  }

  async attribute(name: string): Promise<string | null> {
    return this.locator.getAttribute(name, { timeout: this.sim.timeoutMs });
  }

  async screenshot(path?: string): Promise<Buffer> {
    return this.locator.screenshot({ timeout: this.sim.timeoutMs, ...(path ? { path } : {}) });
  }

  /** The first element inside this one (TTML selectors; `a >>> b` goes into custom components). */
  async $(selector: string): Promise<SimulatorElement> {
    return new SimulatorElement(this.sim, this.locator.locator(await this.sim.domSelector(selector)).first(), `${this.selector} ${selector}`);
  }

  /** Every element inside this one that matches. */
  async $$(selector: string): Promise<SimulatorElement[]> {
    const locator = this.locator.locator(await this.sim.domSelector(selector));
    const count = await locator.count();
    return Array.from({ length: count }, (_, i) => new SimulatorElement(this.sim, locator.nth(i), `${this.selector} ${selector} [${i}]`));
  }
}

export class SimulatorPage {
  readonly path: string;
  readonly query: Record<string, string>;
  /** 'gadget': a Page of the package; 'webapp': the document itself. */
  readonly kind: CurrentPage['kind'];

  constructor(
    private readonly sim: Simulator,
    private readonly current: CurrentPage,
  ) {
    this.path = current.path;
    this.query = current.query;
    this.kind = current.kind;
  }

  private root(): Locator {
    return this.sim.frame().locator(this.current.root);
  }

  /** The page's data (Page.data; `path` picks a key path). A web app's is { title, path, query, hash } of its document. */
  async data(path?: string): Promise<unknown> {
    return this.sim.ask('pageData', path === undefined ? {} : { path }, `the data of ${this.path}`);
  }

  /** Page.setData, as the page's code would call it (gadgets; a web app fails naming the alternative). */
  async setData(patch: Record<string, unknown>): Promise<void> {
    await this.sim.ask('setPageData', { patch }, `setData on ${this.path}`);
    await this.sim.settle('the render after setData');
  }

  async $(selector: string): Promise<SimulatorElement> {
    const locator = this.root().locator(await this.sim.domSelector(selector)).first();
    return new SimulatorElement(this.sim, locator, selector);
  }

  async $$(selector: string): Promise<SimulatorElement[]> {
    const locator = this.root().locator(await this.sim.domSelector(selector));
    const count = await locator.count();
    return Array.from({ length: count }, (_, i) => new SimulatorElement(this.sim, locator.nth(i), `${selector} [${i}]`));
  }

  /** Waits for a visible element, or for a predicate over the page data to hold. */
  async waitFor(target: string | ((data: Record<string, unknown>) => boolean), options: { timeoutMs?: number } = {}): Promise<void> {
    const timeout = options.timeoutMs ?? this.sim.timeoutMs;
    if (typeof target === 'string') {
      await this.root().locator(await this.sim.domSelector(target)).first().waitFor({ state: 'visible', timeout }).catch(() => {
        throw new Error(`timed out after ${timeout} ms waiting for ${target} on ${this.path}`);
      });
      return;
    }
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.sim.settle('the page to settle');
      if (target((await this.data()) as Record<string, unknown>)) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for the page data predicate on ${this.path}`);
      await this.sim.nextEvent(Math.max(1, deadline - Date.now()));
    }
  }
}

export class Simulator {
  private readonly chosen: string[][] = [];

  constructor(
    readonly host: Host,
    readonly session: HostSession,
    /** The SDK's protocol connection to the host (typed requests; see emulator-api/src/protocol). */
    readonly client: ProtocolClient,
    readonly server: RunningServer,
    readonly page: PwPage,
    readonly timeoutMs: number,
    /** What close() ends besides the protocol connection: the browser, server and host launch() started, or only the session attach() opened. */
    private readonly dispose: () => Promise<void>,
  ) {}

  /** The profile the gadget runs under (app kind, platform, client version, device). */
  get profile(): HostSession['profile'] {
    return this.session.profile;
  }

  /** What tt.canIUse(schema) answers on this profile ('compressImage', 'FileSystemManager.stat', …), from the registry. */
  canIUse(schema: string): boolean {
    return canIUse(schema, this.session.profile);
  }

  frame(): Frame {
    const frame = this.page.frames().find((f) => f.url().includes('/g/'));
    if (!frame) throw new Error('the guest frame is not there (did the simulator page load?)');
    return frame;
  }

  /** One guest operation over the protocol, within this simulator's timeout; `what` names it if it times out. */
  ask<O extends GuestOp>(op: O, params: OpParams<O>, what: string): Promise<OpReply<O>> {
    return this.client.request(op, params, { timeoutMs: this.timeoutMs, waitingFor: what });
  }

  /** Waits until the guest has no call in flight and has rendered what came of it. */
  async settle(what: string): Promise<void> {
    await this.ask('whenIdle', {}, what);
  }

  /** Resolves at the next host event (or after `ms`). */
  nextEvent(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const stop = this.session.events.subscribe(done);
      function done() {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  }

  async domSelector(selector: string): Promise<string> {
    return this.ask('domSelector', { selector }, `the DOM selector of ${selector}`);
  }

  async currentPage(): Promise<SimulatorPage> {
    await this.settle('the current page');
    const current = await this.ask('currentPage', {}, 'the current page');
    if (!current) throw new Error('no page is open');
    return new SimulatorPage(this, current);
  }

  private async navigate(method: (typeof navigationMethods)[number], url: string): Promise<SimulatorPage> {
    const result = await this.ask('navigate', { method, url }, `${method} to ${url}`);
    if ('errno' in result && typeof result.errno === 'number') throw new Error(result.errMsg);
    return this.currentPage();
  }

  reLaunch(url: string): Promise<SimulatorPage> {
    return this.navigate('reLaunch', url);
  }

  navigateTo(url: string): Promise<SimulatorPage> {
    return this.navigate('navigateTo', url);
  }

  /** Calls tt.<api>(params) in the guest, as gadget code would; resolves with the success or fail result. */
  async callTT(api: string, params: Record<string, unknown> = {}): Promise<SuccessResult | FailResult> {
    const result = await this.ask('callTT', { api, params }, `tt.${api} to settle`);
    await this.settle(`the render after ${api}`);
    return result;
  }

  /** Answers tt.<api> with `answer` (success fields, or a fail when it has errno; a function is called per call, in this process). */
  mockTT(api: string, answer: MockAnswer): void {
    this.session.mock(api, answer);
  }

  restoreTT(api: string): void {
    this.session.restore(api);
  }

  /**
   * Answers tt.request / uploadFile / downloadFile for URLs matching `pattern` (a string with * globs, or a
   * RegExp) with a static { statusCode, header, data } or a handler's answer; such calls never reach the
   * network and are marked `mocked` in the event stream.
   */
  mockRequest(pattern: UrlPattern, response: RequestMock): void {
    this.session.mockRequest(pattern, response);
  }

  /** Removes the URL mock set with this pattern; true when there was one. */
  unmockRequest(pattern: UrlPattern): boolean {
    return this.session.unmockRequest(pattern);
  }

  /** The network policy from now on: 'online', 'offline' or { allow: [hosts] }; tt.onNetworkStatusChange listeners hear a change of status. */
  setNetwork(policy: NetworkPolicy): void {
    this.session.setNetwork(policy);
  }

  /** Which h5sdk.config signatures the simulated client rejects from now on (web apps). */
  setJssdkPolicy(policy: NonNullable<OpenSessionOptions['jssdk']>): void {
    this.session.setJssdkPolicy(policy);
  }

  /** Sends the gadget to the background, as when the user switches away: the page's onHide, App.onHide, tt.onAppHide. */
  async hideApp(): Promise<void> {
    await this.ask('setAppVisible', { visible: false }, 'the app to go to the background');
    await this.settle('the render after the app was hidden');
  }

  /** Brings the gadget back: App.onShow, tt.onAppShow, then the page's onShow. */
  async showApp(): Promise<void> {
    await this.ask('setAppVisible', { visible: true }, 'the app to come back');
    await this.settle('the render after the app was shown');
  }

  /** Host files that answer the next tt.chooseImage. */
  chooseFiles(paths: readonly string[]): void {
    this.session.chooseFiles(paths);
  }

  events(): HostEvent[] {
    return this.session.events.list();
  }

  /** Resolves with the next (or an already recorded, after `afterSeq`) call of `api`. */
  async waitForCall(api: string, options: { timeoutMs?: number; afterSeq?: number } = {}): Promise<Extract<HostEvent, { type: 'call' }>> {
    const event = await this.session.events.waitFor((e) => e.type === 'call' && e.record.api === api, {
      what: `a call of tt.${api}`,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      afterSeq: options.afterSeq ?? 0,
    });
    await this.settle(`the render after ${api}`);
    return event as Extract<HostEvent, { type: 'call' }>;
  }

  /** Resolves with the first event (already recorded, after `afterSeq`, or coming) that matches; `what` names it in the timeout error. */
  async waitForEvent(match: (event: HostEvent) => boolean, options: { what?: string; timeoutMs?: number; afterSeq?: number } = {}): Promise<HostEvent> {
    const event = await this.session.events.waitFor(match, { what: options.what ?? 'a matching event', timeoutMs: options.timeoutMs ?? this.timeoutMs, afterSeq: options.afterSeq ?? 0 });
    await this.settle('the render after the event');
    return event;
  }

  readFile(ttfilePath: string): Buffer {
    return fs.readFileSync(this.session.resolve(ttfilePath));
  }

  async modal(): Promise<OpenModal | null> {
    await this.settle('the screen to settle');
    const open = await this.ask('modal', {}, 'what the screen shows');
    if (!open) return null;
    const answer = async (reply: DialogAnswer) => {
      const answered = await this.ask('answerDialog', { answer: reply }, `the answer to the ${open.kind}`);
      if (!answered) {
        const what = 'index' in reply ? `item ${reply.index} of an open action sheet` : `an open ${open.kind === 'toast' || open.kind === 'loading' ? 'modal' : open.kind}`;
        throw new Error(`cannot answer: there is no ${what} (${open.kind} "${open.title}" was open)`);
      }
      await this.settle(`the render after answering the ${open.kind}`);
    };
    return { ...open, confirm: () => answer({ confirm: true }), cancel: () => answer({ confirm: false }), choose: (index) => answer({ index }) };
  }

  /** The whole browser page: the device, and the shell or devtools around it when there are. */
  async screenshot(path?: string): Promise<Buffer> {
    return this.page.screenshot({ ...(path ? { path } : {}) });
  }

  /** The device's screen alone: the guest's frame, or the page itself when the guest is the page (ui 'device'). */
  async screenScreenshot(): Promise<Buffer> {
    if (this.frame() === this.page.mainFrame()) return this.page.screenshot({ timeout: this.timeoutMs });
    return this.page.locator('iframe[src*="/g/"]').first().screenshot({ timeout: this.timeoutMs });
  }

  async close(): Promise<void> {
    this.client.close();
    await this.dispose();
  }
}

/** What attach() needs besides the page: which project, under which profile, with which session options. */
export type SessionLaunchOptions = Omit<LaunchOptions, 'executablePath' | 'viewport' | 'dataDir'> & {
  /** The session's own data folder (ttfile://user, storage); default the host's. */
  dataDir?: string;
};

/** Opens a session on `host` for `options.project` under its profile, with its mocks, policies and watcher. */
export async function openSession(host: Host, options: SessionLaunchOptions): Promise<HostSession> {
  const session = await host.open({
    project: options.project,
    ...(options.app ? { app: options.app } : {}),
    platform: options.platform ?? 'ios',
    client: options.client ?? DEFAULT_CLIENT,
    ...(options.device ? { device: options.device } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.testUser ? { testUser: options.testUser } : {}),
    ...(options.launchOptions ? { launch: options.launchOptions } : {}),
    ...(options.jssdk ? { jssdk: options.jssdk } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...(options.strict ? { strict: true } : {}),
  });
  for (const [api, answer] of Object.entries(options.mocks ?? {})) session.mock(api, answer);
  if (options.watch) session.watchProject();
  options.beforeStart?.(session);
  return session;
}

/** The pages that can hold the guest (LaunchOptions.ui). */
export type SimulatorUi = 'plain' | 'device' | 'devtools';

/** The browser page size that fits a session's (or profile's) device: its window alone ('device'), or with the plain shell around it. */
export function viewportFor(of: { readonly profile: Pick<HostSession['profile'], 'device'> }, ui: SimulatorUi = 'plain'): { width: number; height: number } {
  const { device } = of.profile;
  if (ui === 'device') return { width: device.windowWidth, height: device.windowHeight };
  return { width: device.windowWidth + 480, height: device.windowHeight + 120 };
}

function simulatorUrl(server: RunningServer, session: HostSession, ui: SimulatorUi): string {
  if (ui === 'device') return server.guestUrl(session);
  return ui === 'devtools' ? server.devtoolsUrl(session) : server.shellUrl(session);
}

/**
 * Runs an open session in a Playwright page you own (Playwright Test's `page`, so its trace, video and
 * headed mode apply): loads the simulator page there and resolves once a gadget has launched (its first
 * page rendered, nothing in flight) or a web app's page has loaded and settled.
 * `dispose` is what Simulator.close() ends besides the connection (default: the session).
 */
export async function attach(
  page: PwPage,
  parts: { host: Host; server: RunningServer; session: HostSession; ui?: SimulatorUi; timeoutMs?: number; dispose?: () => Promise<void> },
): Promise<Simulator> {
  const { host, server, session } = parts;
  const timeoutMs = parts.timeoutMs ?? 10_000;
  const sim = new Simulator(host, session, new ProtocolClient(session), server, page, timeoutMs, parts.dispose ?? (() => host.close(session.id)));
  const ready = session.events.waitFor((e) => e.type === 'session' && e.what === 'guest-connected', { what: 'the guest to connect', timeoutMs });
  // A gadget says when it has launched (first page rendered, nothing in flight), even when its launch failed.
  const launched =
    session.project.kind === 'gadget'
      ? session.events.waitFor((e) => e.type === 'guest' && e.event.kind === 'launched', { what: 'the gadget to launch (its first page rendered and settled)', timeoutMs })
      : undefined;
  launched?.catch(() => undefined); // awaited below; a page that fails to load must not leave it unhandled
  // A gadget's page is there once the runtime says it launched, so that is waited for rather than the load
  // event; a web app's page is its own document, loaded when the browser says so.
  const waitUntil = session.project.kind === 'gadget' ? 'commit' : 'load';
  await page.goto(simulatorUrl(server, session, parts.ui ?? 'plain'), { timeout: timeoutMs, waitUntil }).catch((error: Error) => {
    throw new Error(`timed out after ${timeoutMs} ms waiting for the simulator page to load (${error.message.split('\n')[0]})`);
  });
  await ready;
  // Like page.goto at its load event, the start does not wait for a frame to be drawn: whatever looks at the
  // screen next does (Playwright's screenshots and actions, the SDK's own settle).
  if (launched) await launched;
  else await sim.ask('whenIdle', { painted: false }, 'the page to settle');
  return sim;
}

/** Starts a host, its server on 127.0.0.1 and a headless Chromium of its own, and runs the project there. */
export async function launch(options: LaunchOptions): Promise<Simulator> {
  const host = new Host(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = await startServer(host);
  let browser: Browser | undefined;
  const dispose = async () => {
    await browser?.close().catch(() => undefined);
    await server.close();
    await host.closeAll();
  };
  try {
    const { dataDir: _hostWide, ...sessionOptions } = options;
    const session = await openSession(host, sessionOptions);
    browser = await chromium.launch({ executablePath: options.executablePath ?? process.env.TTSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: options.viewport ?? viewportFor(session, options.ui), deviceScaleFactor: 1 });
    const page = await context.newPage();
    return await attach(page, { host, server, session, ...(options.ui ? { ui: options.ui } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), dispose });
  } catch (error) {
    await dispose();
    throw error;
  }
}
