/**
 * The wheels of a <picker> sheet, without the DOM: for each mode, the columns' labels, the selected index
 * in each, what selecting an item does to the other columns (a date's days follow its month) and the
 * value `bindchange` reports (WeChat-compatible family: selector → index, multiSelector → index array,
 * time → "hh:mm", date → "YYYY", "YYYY-MM" or "YYYY-MM-DD" by `fields`).
 */
import { toText } from '../../ttml/text.js';

export interface WheelModel {
  /** The label of every item, per column. */
  columns(): string[][];
  /** The selected index in each column. */
  selected(): number[];
  select(column: number, index: number): void;
  /** What bindchange reports for the current selection. */
  value(): unknown;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An item's label: `item[rangeKey]` for objects when range-key is given, else the item as text. */
export function itemLabel(item: unknown, rangeKey: string): string {
  if (rangeKey !== '' && item !== null && typeof item === 'object') return toText((item as Record<string, unknown>)[rangeKey]);
  return toText(item);
}

function indexIn(value: unknown, length: number): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? clamp(n, 0, Math.max(0, length - 1)) : 0;
}

export function selectorModel(range: readonly unknown[], rangeKey: string, value: unknown): WheelModel {
  const labels = range.map((item) => itemLabel(item, rangeKey));
  let index = indexIn(value, labels.length);
  return {
    columns: () => [labels],
    selected: () => [index],
    select: (_column, i) => {
      index = clamp(i, 0, Math.max(0, labels.length - 1));
    },
    value: () => index,
  };
}

export function multiSelectorModel(range: readonly unknown[], rangeKey: string, value: unknown): WheelModel {
  const columns = range.map((column) => (Array.isArray(column) ? column.map((item) => itemLabel(item, rangeKey)) : []));
  const initial = Array.isArray(value) ? value : [];
  const selected = columns.map((labels, i) => indexIn(initial[i] ?? 0, labels.length));
  return {
    columns: () => columns,
    selected: () => [...selected],
    select: (column, i) => {
      if (column < 0 || column >= columns.length) return;
      selected[column] = clamp(i, 0, Math.max(0, columns[column]!.length - 1));
    },
    value: () => [...selected],
  };
}

// --- time ---------------------------------------------------------------------------------------------

/** "hh:mm" → minutes since midnight, or undefined. */
export function parseTime(text: string): number | undefined {
  const match = /^\s*(\d{1,2}):(\d{1,2})\s*$/.exec(text);
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h < 24 && m < 60 ? h * 60 + m : undefined;
}

export function timeModel(value: string, start: string, end: string, now: Date): WheelModel {
  const from = parseTime(start) ?? 0;
  const to = Math.max(from, parseTime(end) ?? 23 * 60 + 59);
  let minutes = clamp(parseTime(value) ?? now.getHours() * 60 + now.getMinutes(), from, to);
  const hours = () => {
    const list: number[] = [];
    for (let h = Math.floor(from / 60); h <= Math.floor(to / 60); h++) list.push(h);
    return list;
  };
  const minutesOf = (h: number) => {
    const list: number[] = [];
    for (let m = 0; m < 60; m++) if (h * 60 + m >= from && h * 60 + m <= to) list.push(m);
    return list;
  };
  return {
    columns: () => [hours().map(pad), minutesOf(Math.floor(minutes / 60)).map(pad)],
    selected: () => [hours().indexOf(Math.floor(minutes / 60)), minutesOf(Math.floor(minutes / 60)).indexOf(minutes % 60)],
    select: (column, i) => {
      const h = Math.floor(minutes / 60);
      if (column === 0) {
        const hour = hours()[i];
        if (hour !== undefined) minutes = clamp(hour * 60 + (minutes % 60), from, to);
      } else if (column === 1) {
        const minute = minutesOf(h)[i];
        if (minute !== undefined) minutes = h * 60 + minute;
      }
    },
    value: () => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
  };
}

// --- date ---------------------------------------------------------------------------------------------

export type DateFields = 'year' | 'month' | 'day';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" (one-digit months and days allowed); missing parts take `fill`. */
export function parseDate(text: string, fill: 'first' | 'last'): Ymd | undefined {
  const match = /^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = match[2] === undefined ? (fill === 'first' ? 1 : 12) : Number(match[2]);
  if (m < 1 || m > 12) return undefined;
  const d = match[3] === undefined ? (fill === 'first' ? 1 : daysIn(y, m)) : Number(match[3]);
  if (d < 1 || d > daysIn(y, m)) return undefined;
  return { y, m, d };
}

const key = (date: Ymd) => date.y * 10000 + date.m * 100 + date.d;

/** Default bounds when start / end are missing (assumed: WeChat documents none). */
export const DATE_START = '1900-01-01';
export const DATE_END = '2100-12-31';

export function dateModel(value: string, start: string, end: string, fields: DateFields, now: Date): WheelModel {
  const from = parseDate(start, 'first') ?? parseDate(DATE_START, 'first')!;
  const parsedEnd = parseDate(end, 'last') ?? parseDate(DATE_END, 'last')!;
  const to = key(parsedEnd) < key(from) ? from : parsedEnd;
  const clampDate = (date: Ymd): Ymd => (key(date) < key(from) ? { ...from } : key(date) > key(to) ? { ...to } : date);
  let current = clampDate(parseDate(value, 'first') ?? { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });

  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
  const years = () => range(from.y, to.y);
  const months = (y: number) => range(y === from.y ? from.m : 1, y === to.y ? to.m : 12);
  const days = (y: number, m: number) => range(y === from.y && m === from.m ? from.d : 1, y === to.y && m === to.m ? to.d : daysIn(y, m));
  /** A year or month change keeps the other parts where they still exist, else the nearest one that does. */
  const settle = (date: Ymd): Ymd => {
    const ms = months(date.y);
    const m = clamp(date.m, ms[0]!, ms[ms.length - 1]!);
    const ds = days(date.y, m);
    return { y: date.y, m, d: clamp(date.d, ds[0]!, ds[ds.length - 1]!) };
  };
  const count = fields === 'year' ? 1 : fields === 'month' ? 2 : 3;

  return {
    columns: () =>
      [years().map((y) => `${y}年`), months(current.y).map((m) => `${pad(m)}月`), days(current.y, current.m).map((d) => `${pad(d)}日`)].slice(0, count),
    selected: () => [years().indexOf(current.y), months(current.y).indexOf(current.m), days(current.y, current.m).indexOf(current.d)].slice(0, count),
    select: (column, i) => {
      if (column === 0) {
        const y = years()[i];
        if (y !== undefined) current = settle({ ...current, y });
      } else if (column === 1) {
        const m = months(current.y)[i];
        if (m !== undefined) current = settle({ ...current, m });
      } else if (column === 2) {
        const d = days(current.y, current.m)[i];
        if (d !== undefined) current = { ...current, d };
      }
    },
    value: () => [String(current.y), pad(current.m), pad(current.d)].slice(0, count).join('-'),
  };
}
