/**
 * The web-app JSSDK's authentication gate, in one place: h5sdk.config's registry entry states it (its
 * `apis-after-config` rule) and the guest's window.h5sdk enforces it (app/src/h5sdk/h5sdk.ts).
 * No zod here: the guest bundle imports this file.
 */

/** The JSAPIs a web app may call before h5sdk.config has succeeded; every other one fails with errno 105 until then. */
export const apisWithoutConfig: readonly string[] = Object.freeze(['requestAuthCode', 'closeWindow', 'requestAccess', 'canIUse']);

/** `a, b, c and d`, for rule texts and messages. */
export function listInWords(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
