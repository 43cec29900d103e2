/**
 * What every guest (gadget or web app) gets: the bridge, console and error capture into the host's event
 * stream, the screen overlays, activity tracking and the automation hooks on `window.__ttsim`.
 */
import type { BaseCallContext, Implementation } from '../../../emulator-api/src/common/call.js';
import type { BootPayload, ConsoleLevel, GuestEvent } from '../../../emulator-api/src/protocol/messages.js';
import { Activity } from './activity.js';
import type { Bridge } from './bridge.js';
import { buildTt } from './tt.js';
import { UiOverlays } from './ui-overlays.js';

export interface GuestCore {
  readonly boot: BootPayload;
  readonly bridge: Bridge;
  readonly tt: Record<string, unknown>;
  readonly ui: UiOverlays;
  readonly activity: Activity;
  emit(event: GuestEvent): void;
  /** No bridge request outstanding, then the activity's wait: a task, and a frame when `painted` (automation's whenIdle). */
  whenIdle(options: { painted: boolean }): Promise<void>;
  /** No bridge request outstanding, then the activity's quiet (the launch signal). */
  whenQuiet(): Promise<void>;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function captureConsole(bridge: Bridge): void {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as ConsoleLevel[]) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      bridge.post({ t: 'console', level, args: args.map(describe) });
    };
  }
}

export function startGuestCore(
  boot: BootPayload,
  bridge: Bridge,
  extraImplementations: Record<string, Implementation<BaseCallContext>> = {},
): GuestCore {
  captureConsole(bridge);
  const emit = (event: GuestEvent) => bridge.post({ t: 'event', event });
  window.addEventListener('error', (event) => {
    emit({ kind: 'error', message: event.message, ...(event.filename ? { file: event.filename } : {}), ...(event.lineno ? { line: event.lineno } : {}), ...(event.error instanceof Error && event.error.stack ? { stack: event.error.stack } : {}) });
  });
  // A request the frame's CSP stopped (guest-csp.ts): on a client it would fail as well, for the network
  // policy (offline, not on the allow-list) or because a gadget reaches the network only through tt.request.
  document.addEventListener('securitypolicyviolation', (event) => {
    emit({ kind: 'blocked', url: event.blockedURI, directive: event.effectiveDirective });
    console.warn(`ttsim blocked ${event.effectiveDirective.replace(/-src$/, '')} ${event.blockedURI}: the session's network policy does not allow it (a client reaches the network only where its policy and allow-list do)`);
  });
  window.addEventListener('unhandledrejection', (event) => emit({ kind: 'error', message: `unhandled rejection: ${describe(event.reason)}` }));

  const activity = new Activity();
  const fileUrl = (src: string) => {
    if (/^(https?:|data:|blob:)/.test(src)) return src;
    if (src.startsWith('ttfile://')) return `${boot.fileBase}__ttfile__/${src.slice('ttfile://'.length)}`;
    return `${boot.fileBase}${src.replace(/^\/+/, '')}`;
  };
  const ui = new UiOverlays(document, (what, detail) => emit({ kind: 'ui', what, detail }), fileUrl);
  const { tt } = buildTt({
    apis: boot.apis,
    answers: { canIUse: boot.canIUse, systemInfo: boot.systemInfo },
    profile: boot.profile,
    bridge,
    guestImplementations: { ...(ui.implementations() as unknown as Record<string, Implementation<BaseCallContext>>), ...extraImplementations },
    onCallbackError: (api, error) => {
      console.error(`a ${api} callback threw:`, error);
    },
    track: (work) => activity.track(work),
  });
  return {
    boot,
    bridge,
    tt,
    ui,
    activity,
    emit,
    whenIdle: (options) => bridge.whenSettled().then(() => activity.whenIdle(options)),
    whenQuiet: () => bridge.whenSettled().then(() => activity.whenQuiet()),
  };
}
