/** `ttsim compress <file>`: import a host file as a chosen image and call tt.compressImage on it. */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import sharp from 'sharp';
import { createSession, describeProfile, provenanceLabel, type CallRecord, type FailResult, type SuccessResult } from '../../emulator-api/src/index.js';
import type { ProfileFlags } from './options.js';

export interface CompressFlags extends ProfileFlags {
  quality?: number;
  json?: boolean;
  out?: string;
  dataDir?: string;
}

async function describeImage(hostPath: string): Promise<string> {
  const { size } = await fsp.stat(hostPath);
  try {
    const meta = await sharp(hostPath).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const orientation = (meta.orientation ?? 1) > 1 ? ` (EXIF orientation ${meta.orientation}: shows ${turned ? `${meta.height}×${meta.width}` : `${meta.width}×${meta.height}`})` : '';
    return `${meta.format} ${meta.width}×${meta.height}${orientation}${meta.hasAlpha ? ', alpha' : ''}, ${formatBytes(size)}`;
  } catch {
    return formatBytes(size);
  }
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/** Returns the process exit code: 0 on :ok, 1 on a fail result. */
export async function runCompress(file: string, flags: CompressFlags, stdout: (line: string) => void): Promise<number> {
  const session = await createSession({
    app: flags.app,
    platform: flags.platform,
    client: flags.client,
    ...(flags.device ? { device: flags.device } : {}),
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
    keepTemp: true,
  });
  try {
    let record: CallRecord | undefined;
    session.onCall((r) => {
      if (r.api === 'compressImage') record = r;
    });
    const hostInput = path.resolve(file);
    const src = await session.importFile(hostInput);
    const result: SuccessResult | FailResult = await session.tt
      .compressImage({ src, ...(flags.quality === undefined ? {} : { quality: flags.quality }) })
      .catch((fail: FailResult) => fail);
    const ok = !('errno' in result);
    let hostPath: string | undefined;
    if (ok) {
      hostPath = session.resolve(String(result.tempFilePath));
      if (flags.out) {
        await fsp.copyFile(hostPath, path.resolve(flags.out));
        hostPath = path.resolve(flags.out);
      }
    }
    const rules = (record?.rules ?? []).map((r) => ({ id: r.id, provenance: r.provenance.kind, source: r.provenance.source }));
    if (flags.json) {
      stdout(JSON.stringify({ ...result, ...(hostPath ? { hostPath } : {}), src, profile: describeProfile(session.profile), rules }));
    } else {
      stdout(`${result.errMsg}   (${describeProfile(session.profile)}, ${session.profile.device.label})`);
      if (ok) {
        stdout(`tempFilePath  ${String(result.tempFilePath)}`);
        stdout(`hostPath      ${hostPath}`);
        stdout(`input         ${await describeImage(hostInput)}`);
        stdout(`output        ${await describeImage(hostPath!)}`);
      } else {
        stdout(`errno         ${(result as FailResult).errno} (${(result as FailResult).errString})`);
      }
      for (const rule of record?.rules ?? []) stdout(`rule          ${rule.id}: ${rule.text} [${provenanceLabel(rule.provenance)}]`);
    }
    return ok ? 0 : 1;
  } finally {
    await session.close();
  }
}
