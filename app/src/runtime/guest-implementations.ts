/**
 * The guest runtime's side of the registry: every API whose entry says `side: 'guest'` needs an
 * implementation here, and a missing one fails to compile (see gadget-runtime.ts), not at run time.
 */
import type { GuestApiName } from '../../../emulator-api/src/common/registry.js';

/** The guest-side APIs of the registry that none of `Provided` implements; `never` when all are. */
export type MissingGuestApis<Provided extends PropertyKey> = Exclude<GuestApiName, Provided>;

/**
 * `true` only when `Provided` (the keys of the implementation maps a runtime hands to buildTt) covers every
 * guest-side API; otherwise the type names the missing ones, so `const ok: EveryGuestApi<…> = true` fails.
 */
export type EveryGuestApi<Provided extends PropertyKey> = [MissingGuestApis<Provided>] extends [never] ? true : { missing: MissingGuestApis<Provided> };
