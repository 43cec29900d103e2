/**
 * The host protocol's version. Every client says which one it speaks in its first message (`hello`; the
 * sync channel in each message); the host refuses another with a message that says what to do. Raise it
 * when a message changes shape: an older guest runtime, devtools page or SDK then fails at connect with a
 * clear error instead of misreading messages.
 */
export const PROTOCOL_VERSION = 3;

/** Who is on the other end of a connection. */
export const clientRoles = ['guest', 'devtools', 'automation'] as const;
export type ClientRole = (typeof clientRoles)[number];

/** WebSocket close code of a refused connection (4000–4999 are for applications, RFC 6455 §7.4.2). */
export const REFUSED_CLOSE_CODE = 4001;

export function versionMismatch(role: ClientRole, spoken: unknown): string {
  const what = role === 'guest' ? 'the guest runtime' : role === 'devtools' ? 'the devtools page' : 'the automation client';
  return `ttsim protocol mismatch: this host speaks protocol ${PROTOCOL_VERSION}, ${what} speaks ${JSON.stringify(spoken)}. ` +
    (role === 'automation' ? 'Use the ttsim package that started this host.' : 'Reload the page so the host serves its own runtime, or restart ttsim after an update.');
}
