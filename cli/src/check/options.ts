/** `ttsim check`'s own option parsing (light: main.ts loads it before any command runs). */
import { InvalidArgumentError } from 'commander';
import { platforms, type AppKind, type Platform } from '../../../emulator-api/src/common/types.js';

export interface CheckFlags {
  json?: boolean;
  platforms: Platform[];
  app?: AppKind;
}

/** `android,ios` → ['android', 'ios']; any other word is a usage error naming the accepted ones. */
export function parsePlatforms(value: string): Platform[] {
  const words = value.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
  const wrong = words.filter((w) => !(platforms as readonly string[]).includes(w));
  if (words.length === 0 || wrong.length > 0) {
    throw new InvalidArgumentError(`expected a comma-separated list of ${platforms.join(', ')} but received ${JSON.stringify(value)}`);
  }
  return platforms.filter((p) => words.includes(p));
}
