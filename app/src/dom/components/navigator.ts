/**
 * <navigator>: a block that, on tap, asks the host to navigate: url, open-type (navigate, redirect,
 * switchTab, reLaunch, navigateBack) and delta (for navigateBack).
 */
import { readNumber, readText } from '../attributes.js';
import type { Attrs } from '../component.js';

export interface NavigateRequest {
  url: string;
  openType: string;
  delta?: number;
}

const OPEN_TYPES = new Set(['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack']);

/** What a tap on a navigator with these attributes asks for; undefined for open-types ttsim cannot follow (exit, …). */
export function navigateRequest(attrs: Attrs): NavigateRequest | undefined {
  const openType = readText(attrs, 'open-type') || 'navigate';
  if (!OPEN_TYPES.has(openType)) return undefined;
  if (openType === 'navigateBack') return { url: '', openType, delta: readNumber(attrs, 'delta', 1) };
  return { url: readText(attrs, 'url'), openType };
}
