/**
 * What one `ttsim/test` test leaves for the report, attached to the test as `ttsim-run.json`: its profile,
 * and per step the tt.* calls (result, errno, the rules applied with their provenance, the images they
 * read and wrote with format, size and dimensions), the guest's errors and a screenshot of the device.
 * The fixture writes it, `ttsim/reporter` reads it; the JSON report is a list of these.
 */
import type { AppliedRule } from '../../../emulator-api/src/common/call.js';
import type { HostEvent } from '../../../emulator-api/src/protocol/messages.js';

export const RUN_ATTACHMENT = 'ttsim-run.json';
export const RUN_CONTENT_TYPE = 'application/vnd.ttsim.run+json';

export interface QaImage {
  /** Where the call read or wrote it: 'input' (a param such as src) or 'output' (tempFilePath). */
  readonly role: 'input' | 'output';
  /** The guest path (ttfile://temp/…, a package path). */
  readonly path: string;
  readonly bytes: number;
  /** Sniffed from the bytes: jpeg, png, gif, webp…; 'unknown' when sharp cannot read it. */
  readonly format: string;
  readonly width?: number;
  readonly height?: number;
  /** The attachment holding its bytes (absent when it is larger than the report keeps inline). */
  readonly attachment?: string;
}

export interface QaCall {
  readonly seq: number;
  readonly api: string;
  readonly params: unknown;
  readonly ok: boolean;
  readonly errno?: number;
  readonly errMsg: string;
  /** The result without its errMsg (success fields, or a fail's errno / errString). */
  readonly result: unknown;
  readonly rules: readonly AppliedRule[];
  readonly warnings?: readonly string[];
  readonly durationMs: number;
  readonly mocked: boolean;
  readonly images: readonly QaImage[];
}

export interface QaStep {
  readonly title: string;
  /** 'passed' or the error the step ended with. */
  readonly status: 'passed' | 'failed';
  readonly error?: string;
  readonly calls: readonly QaCall[];
  /** Guest errors and console.error lines during the step. */
  readonly guestErrors: readonly string[];
  /** The attachment with the device's screenshot at the end of the step. */
  readonly screenshot?: string;
}

export interface QaRun {
  readonly format: 'ttsim-run@1';
  /** The profile's short name (ios@7.35.0, webapp:pc@3.46.0) and its parts. */
  readonly profileName: string;
  readonly profile: { readonly app: string; readonly platform: string; readonly client: string; readonly device: string };
  readonly project: string;
  readonly steps: readonly QaStep[];
}

/** The paths of images a call names: its src / filePath params, and the temp files of its result. */
export function imagePathsOf(event: Extract<HostEvent, { type: 'call' }>): { role: QaImage['role']; path: string }[] {
  const found: { role: QaImage['role']; path: string }[] = [];
  const params = event.record.params as Record<string, unknown> | null;
  for (const key of ['src', 'filePath']) {
    const value = params && typeof params === 'object' ? params[key] : undefined;
    if (typeof value === 'string') found.push({ role: 'input', path: value });
  }
  const result = event.record.result as Record<string, unknown>;
  if (typeof result.tempFilePath === 'string') found.push({ role: 'output', path: result.tempFilePath });
  if (Array.isArray(result.tempFilePaths)) for (const p of result.tempFilePaths) if (typeof p === 'string') found.push({ role: 'output', path: p });
  return found;
}

/** A call without its bulk: params and result as JSON-safe values, long strings cut. */
export function summariseCall(event: Extract<HostEvent, { type: 'call' }>, images: QaImage[]): QaCall {
  const { record } = event;
  const { errMsg, ...rest } = record.result as unknown as Record<string, unknown> & { errMsg: string };
  return {
    seq: event.seq,
    api: record.api,
    params: jsonSafe(record.params),
    ok: record.ok,
    ...(record.errno !== undefined ? { errno: record.errno } : {}),
    errMsg,
    result: jsonSafe(rest),
    rules: record.rules,
    ...(record.warnings ? { warnings: record.warnings } : {}),
    durationMs: record.durationMs,
    mocked: event.mocked,
    images,
  };
}

/** JSON-safe copy: binary as a byte count, strings over 500 characters cut, depth bounded. */
export function jsonSafe(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 500 ? `${value.slice(0, 500)}… (${value.length} characters)` : value;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return `(${value.byteLength} bytes)`;
  if (depth > 6) return '(…)';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => jsonSafe(v, depth + 1));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).slice(0, 100).map(([k, v]) => [k, jsonSafe(v, depth + 1)]));
  return String(value);
}
