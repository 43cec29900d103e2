/** How a value shows in text and in mixed attributes: null and undefined are empty, as in WeChat. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '[object Object]';
  }
}
