/**
 * `ttsim compress <file>`: import a host file as a chosen image and call tt.compressImage on it. The session
 * is closed before the command ends, so no session folder stays behind: the output is copied to --out, or
 * to <dataDir>/compress/ (`ttsim clean` empties it).
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import sharp from 'sharp';
import { createSession, defaultDataDir, describeProfile, provenanceLabel, type CallRecord, type FailResult, type SuccessResult } from '../../emulator-api/src/index.js';
import { sniff } from '../../emulator-api/src/node/images.js';
import type { ProfileFlags } from './options.js';

export interface CompressFlags extends ProfileFlags {
  quality?: number;
  json?: boolean;
  out?: string;
  dataDir?: string;
  strict?: boolean;
}

/** Where `compress` puts its output when no --out is given, below the data folder. */
export const COMPRESS_OUTPUTS = 'compress';

/** What `--json` says about the input or the output image. */
export interface ImageFacts {
  readonly path: string;
  /** sharp's name for the format (jpeg, png, tiff, heif, svg, …), else the sniffed extension (bmp, jxl, heic). */
  readonly format: string | null;
  readonly bytes: number;
  /** As stored; null when this machine cannot read the header (BMP, HEIC, JPEG XL). */
  readonly width: number | null;
  readonly height: number | null;
  /** EXIF orientation when it is not 1 (the picture shows turned). */
  readonly orientation?: number;
  readonly alpha?: boolean;
}

export async function imageFacts(hostPath: string): Promise<ImageFacts> {
  const { size } = await fsp.stat(hostPath);
  try {
    const meta = await sharp(hostPath).metadata();
    return {
      path: hostPath,
      format: meta.format ?? null,
      bytes: size,
      width: meta.width ?? null,
      height: meta.height ?? null,
      ...((meta.orientation ?? 1) > 1 ? { orientation: meta.orientation } : {}),
      alpha: meta.hasAlpha ?? false,
    };
  } catch {
    const type = await sniff(hostPath).catch(() => undefined);
    return { path: hostPath, format: type?.ext ?? null, bytes: size, width: null, height: null };
  }
}

function describeFacts(facts: ImageFacts): string {
  const turned = (facts.orientation ?? 1) >= 5;
  const size = facts.width !== null && facts.height !== null ? ` ${facts.width}×${facts.height}` : '';
  const orientation = facts.orientation ? ` (EXIF orientation ${facts.orientation}: shows ${turned ? `${facts.height}×${facts.width}` : `${facts.width}×${facts.height}`})` : '';
  return `${facts.format ?? 'unknown format'}${size}${orientation}${facts.alpha ? ', alpha' : ''}, ${formatBytes(facts.bytes)}`;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/** Returns the process exit code: 0 on :ok, 1 on a fail result. */
export async function runCompress(file: string, flags: CompressFlags, stdout: (line: string) => void): Promise<number> {
  const dataDir = path.resolve(flags.dataDir ?? defaultDataDir());
  const session = await createSession({
    app: flags.app ?? 'gadget',
    platform: flags.platform,
    client: flags.client,
    ...(flags.device ? { device: flags.device } : {}),
    dataDir,
    ...(flags.strict ? { strict: true } : {}),
  });
  try {
    let record: CallRecord | undefined;
    session.onCall((r) => {
      if (r.api === 'compressImage') record = r;
    });
    const hostInput = path.resolve(file);
    const src = await session.importFile(hostInput);
    const input = await imageFacts(hostInput);
    const result: SuccessResult | FailResult = await session.tt
      .compressImage({ src, ...(flags.quality === undefined ? {} : { quality: flags.quality }) })
      .catch((fail: FailResult) => fail);
    const ok = !('errno' in result);
    let output: ImageFacts | undefined;
    if (ok) {
      // The session folder goes when the session closes: the output is copied out first.
      const produced = session.resolve(String(result.tempFilePath));
      const target = flags.out ? path.resolve(flags.out) : path.join(dataDir, COMPRESS_OUTPUTS, path.basename(produced));
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.copyFile(produced, target);
      output = await imageFacts(target);
    }
    const rules = (record?.rules ?? []).map((r) => ({ id: r.id, provenance: r.provenance.kind, source: r.provenance.source, text: r.text }));
    const warnings = record?.warnings ?? [];
    const ratio = output ? Number((output.bytes / input.bytes).toFixed(4)) : undefined;
    if (flags.json) {
      stdout(
        JSON.stringify({
          ...result,
          ...(output ? { hostPath: output.path } : {}),
          src,
          profile: describeProfile(session.profile),
          input,
          ...(output ? { output, ratio } : {}),
          rules,
          ...(warnings.length > 0 ? { warnings } : {}),
        }),
      );
    } else {
      stdout(`${result.errMsg}   (${describeProfile(session.profile)}, ${session.profile.device.label})`);
      stdout(`input         ${describeFacts(input)}`);
      if (output) {
        stdout(`tempFilePath  ${String((result as SuccessResult).tempFilePath)}`);
        stdout(`hostPath      ${output.path}`);
        stdout(`output        ${describeFacts(output)}`);
        stdout(`ratio         ${ratio} (output bytes / input bytes)`);
      } else {
        stdout(`errno         ${(result as FailResult).errno} (${(result as FailResult).errString})`);
      }
      for (const warning of warnings) stdout(`warning       ${warning}`);
      for (const rule of record?.rules ?? []) stdout(`rule          ${rule.id}: ${rule.text} [${provenanceLabel(rule.provenance)}]`);
    }
    return ok ? 0 : 1;
  } finally {
    await session.close();
  }
}
