/** happy-dom does not load frames and warns for each guest frame drawn: expected in component tests, so kept out of their output. */
import { afterAll, beforeAll, vi } from 'vitest';

export function silenceFrameLoadingWarnings(): void {
  const quiet = (original: (...args: unknown[]) => void) => (...args: unknown[]) => {
    if (!args.some((a) => String(a).includes('Iframe page loading is disabled'))) original(...args);
  };
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation(quiet(console.error.bind(console)));
    vi.spyOn(console, 'warn').mockImplementation(quiet(console.warn.bind(console)));
  });
  afterAll(() => vi.restoreAllMocks());
}
