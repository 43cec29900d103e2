/** The two HTML documents the server makes: the simulator shell and the gadget runtime's document. */
import { BOOT_ELEMENT_ID, earlySocketScript } from '../../../emulator-api/src/protocol/guest-page.js';
import type { HostSession } from './host.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plain simulator page: a device-sized sandboxed iframe and the live event log. */
export function shellHtml(session: HostSession): string {
  const { device, app, platform, client } = session.profile;
  const guestUrl = session.guestDocument;
  const config = { sessionId: session.id, kind: session.project.kind };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ttsim — ${escapeHtml(session.project.name)}</title>
<meta name="referrer" content="no-referrer">
<style>
  body { margin: 0; font: 13px system-ui, sans-serif; background: #eef0f3; display: flex; gap: 24px; padding: 24px; }
  .device { background: #111; border-radius: 28px; padding: 14px; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
  .device iframe { display: block; border: 0; background: #fff; border-radius: 14px; width: ${device.windowWidth}px; height: ${device.windowHeight}px; }
  .profile { color: #ddd; text-align: center; padding: 6px 0 0; font-size: 12px; }
  .log { flex: 1; min-width: 320px; background: #fff; border-radius: 8px; padding: 0; overflow: auto; height: ${device.windowHeight + 40}px; font: 12px ui-monospace, monospace; }
  .log .row { box-sizing: border-box; height: 18px; padding: 0 12px; line-height: 17px; border-bottom: 1px solid #f0f0f0; white-space: pre; overflow: hidden; text-overflow: ellipsis; }
  .fail { color: #c62828; } .ok { color: #2e7d32; } .console { color: #555; } .err { color: #c62828; font-weight: 600; }
</style></head>
<body>
  <div class="device">
    <iframe id="guest" title="simulated ${escapeHtml(device.label)}" sandbox="allow-scripts allow-forms" src="${escapeHtml(guestUrl)}"></iframe>
    <div class="profile">${escapeHtml(`${device.label} · ${app} · ${platform} · client ${client}`)}</div>
  </div>
  <div class="log" id="log" aria-label="API call log"></div>
  <script>window.__TTSIM_SHELL__ = ${JSON.stringify(config)};</script>
  <script src="shell.js${'?token=' + session.hostToken}"></script>
</body></html>`;
}

/**
 * The devtools page: the React app (renderer/src/devtools) bundled as devtools.js / devtools.css. It learns
 * everything else (project, profile, guest URL) over the protocol, with the host token from its own URL.
 */
export function devtoolsHtml(session: HostSession): string {
  const token = `?token=${session.hostToken}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ttsim devtools — ${escapeHtml(session.project.name)}</title>
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="devtools.css${token}">
</head>
<body>
  <div id="root"></div>
  <script>window.__TTSIM_DEVTOOLS__ = ${JSON.stringify({ sessionId: session.id })};</script>
  <script src="devtools.js${token}"></script>
</body></html>`;
}

/**
 * A gadget's text is set in the phone's system font (PingFang SC on iOS, Roboto / Noto on Android), not a
 * browser's serif default (assumed from how the clients render; a page's own TTSS overrides it).
 */
const GADGET_FONT = '-apple-system, "PingFang SC", "Helvetica Neue", Roboto, "Noto Sans", "Noto Sans CJK SC", system-ui, sans-serif';

/**
 * The gadget runtime's document (in the sandboxed iframe, or the page itself). Everything the runtime
 * needs comes in this one response: the bridge socket opens first (emulator-api/src/protocol/guest-page.ts), then the boot
 * payload and the runtime's script are inline. As separate requests they cost a test's start two
 * round trips to the host, which shares its process with Playwright.
 */
export function gadgetHtml(session: HostSession, runtimeScript: string): string {
  if (/<\/script/i.test(runtimeScript)) throw new Error('the gadget runtime bundle contains "</script": it cannot be inlined');
  // `<` escaped, so no text of the package can end the element early.
  const boot = JSON.stringify(session.boot()).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=${session.profile.device.windowWidth}">
<title>${escapeHtml(session.project.name)}</title>
<link rel="icon" href="data:,">
<script>${earlySocketScript()}</script>
<style>body { font-family: ${GADGET_FONT}; }</style></head>
<body><div id="tt-app"></div>
<script type="application/json" id="${BOOT_ELEMENT_ID}">${boot}</script>
<script>${runtimeScript}</script></body></html>`;
}
