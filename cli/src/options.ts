/** Profile options shared by the CLI's commands, checked by commander. */
import { Option, InvalidArgumentError } from 'commander';
import { DEFAULT_CLIENT, devicePresets, normaliseClientVersion } from '../../emulator-api/src/common/profiles.js';
import { appKinds, platforms } from '../../emulator-api/src/common/types.js';

export interface ProfileFlags {
  platform: (typeof platforms)[number];
  /** Absent: the project's own kind (dev), or a gadget where there is no project (compress, can-i-use). */
  app?: (typeof appKinds)[number];
  client: string;
  device?: string;
}

export function profileOptions(): Option[] {
  return [
    new Option('--platform <platform>', 'client platform').choices(platforms).default('android'),
    new Option('--app <kind>', "app kind (default: the project's: gadget for app.json, webapp for index.html)").choices(appKinds),
    new Option('--client <version>', 'Feishu client version').default(DEFAULT_CLIENT).argParser((value) => {
      try {
        return normaliseClientVersion(value);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
    }),
    new Option('--device <preset>', 'device preset (defaults to the platform\'s first)').choices(devicePresets.map((d) => d.id)),
  ];
}

export function parseQuality(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || Number.isNaN(n)) throw new InvalidArgumentError(`expected a number, e.g. 80, but received ${JSON.stringify(value)}`);
  return n;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port number 0..65535 but received ${JSON.stringify(value)}`);
  return n;
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`expected a number of workers 1..64 but received ${JSON.stringify(value)}`);
  return n;
}
