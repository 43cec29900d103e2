/**
 * The bottom sheet a <picker> opens: a mask, a header with 取消 / the header-text / 确定, and one wheel
 * column per model column (scroll or tap an item to select it). It lives in the page root (`data-tt="page"`),
 * outside every rendered component, so taps in it raise no TTML events and it hides with its page.
 *
 * Stable hooks for automation and tests (documented in app/src/ttml/README.md):
 *   .tt-picker-sheet[data-tt-picker-mode]   the open sheet
 *   .tt-picker-item[data-tt-column][data-tt-index][data-tt-value]   an item (value = its label); the
 *       selected one also has .tt-picker-item-selected and aria-selected="true"
 *   .tt-picker-confirm / .tt-picker-cancel / .tt-picker-mask
 */
import type { WheelModel } from './picker-model.js';

/** Height of one item in px; the column shows five, the middle one selected. */
const ITEM_HEIGHT = 40;
const VISIBLE_ITEMS = 5;

export interface SheetCallbacks {
  /** An item was selected in a column (after the model moved). */
  onColumnChange(column: number, index: number): void;
  onConfirm(): void;
  onCancel(): void;
}

export class PickerSheet {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly titleElement: HTMLElement;
  private columns: HTMLElement[] = [];
  private labels: string[][] = [];
  /** Per column: whether the user is scrolling it by hand (wheel, touch, drag), so a scroll end selects. */
  private readonly userScrolling = new WeakSet<HTMLElement>();

  constructor(
    private readonly document: Document,
    private model: WheelModel,
    mode: string,
    title: string,
    private readonly callbacks: SheetCallbacks,
  ) {
    const el = (cls: string, tag = 'div') => {
      const element = document.createElement(tag);
      element.className = cls;
      return element;
    };
    this.root = el('tt-picker-sheet');
    this.root.setAttribute('data-tt-picker-mode', mode);
    const mask = el('tt-picker-mask');
    const panel = el('tt-picker-panel');
    panel.setAttribute('role', 'dialog');
    const header = el('tt-picker-header');
    const cancel = el('tt-picker-cancel', 'button') as HTMLButtonElement;
    cancel.type = 'button';
    cancel.textContent = '取消';
    const confirm = el('tt-picker-confirm', 'button') as HTMLButtonElement;
    confirm.type = 'button';
    confirm.textContent = '确定';
    this.titleElement = el('tt-picker-title');
    this.titleElement.textContent = title;
    header.append(cancel, this.titleElement, confirm);
    this.body = el('tt-picker-body');
    const indicator = el('tt-picker-indicator');
    this.body.append(indicator);
    panel.append(header, this.body);
    this.root.append(mask, panel);

    mask.addEventListener('click', () => callbacks.onCancel());
    cancel.addEventListener('click', () => callbacks.onCancel());
    confirm.addEventListener('click', () => callbacks.onConfirm());
    this.render(false);
  }

  open(host: Element): void {
    host.append(this.root);
    // Now that the columns have a size, show each selection in the middle.
    this.scrollAll();
  }

  close(): void {
    this.root.remove();
  }

  get isOpen(): boolean {
    return this.root.isConnected;
  }

  /** What bindchange would report for the current selection. */
  value(): unknown {
    return this.model.value();
  }

  setTitle(title: string): void {
    if (this.titleElement.textContent !== title) this.titleElement.textContent = title;
  }

  /** A new model (the page changed range while the sheet was open): redraw what differs. */
  replaceModel(model: WheelModel): void {
    this.model = model;
    this.render(true);
  }

  private select(column: number, index: number, smooth: boolean): void {
    const before = this.model.selected()[column];
    this.model.select(column, index);
    this.render(true, smooth ? column : undefined);
    if (this.model.selected()[column] !== before) this.callbacks.onColumnChange(column, this.model.selected()[column]!);
  }

  /** Brings the DOM in line with the model: columns whose labels changed are rebuilt, then the selection shown. */
  private render(scroll: boolean, smoothColumn?: number): void {
    const labels = this.model.columns();
    const selected = this.model.selected();
    while (this.columns.length > labels.length) this.columns.pop()!.remove();
    for (let c = 0; c < labels.length; c++) {
      let column = this.columns[c];
      if (column === undefined) {
        column = this.createColumn(c);
        this.columns.push(column);
        this.body.insertBefore(column, this.body.lastElementChild);
        this.labels[c] = [];
      }
      const old = this.labels[c] ?? [];
      const now = labels[c]!;
      if (old.length !== now.length || old.some((label, i) => label !== now[i])) this.fillColumn(column, c, now);
      this.labels[c] = now;
      for (const item of column.children) {
        const on = Number(item.getAttribute('data-tt-index')) === selected[c];
        item.classList.toggle('tt-picker-item-selected', on);
        item.setAttribute('aria-selected', String(on));
      }
    }
    this.labels.length = labels.length;
    if (scroll) this.scrollAll(smoothColumn);
  }

  private createColumn(c: number): HTMLElement {
    const column = this.document.createElement('div');
    column.className = 'tt-picker-column';
    column.setAttribute('role', 'listbox');
    column.setAttribute('data-tt-column', String(c));
    column.style.height = `${ITEM_HEIGHT * VISIBLE_ITEMS}px`;
    column.style.padding = `${ITEM_HEIGHT * Math.floor(VISIBLE_ITEMS / 2)}px 0`;
    for (const type of ['wheel', 'pointerdown', 'touchstart', 'keydown']) column.addEventListener(type, () => this.userScrolling.add(column), { passive: true });
    column.addEventListener('scrollend', () => {
      if (!this.userScrolling.has(column)) return;
      this.userScrolling.delete(column);
      const index = Math.round(column.scrollTop / ITEM_HEIGHT);
      if (index !== this.model.selected()[c]) this.select(c, index, false);
    });
    column.addEventListener('click', (event) => {
      const item = (event.target as Element).closest('.tt-picker-item');
      if (item === null || item.parentElement !== column) return;
      this.select(c, Number(item.getAttribute('data-tt-index')), true);
    });
    return column;
  }

  private fillColumn(column: HTMLElement, c: number, labels: readonly string[]): void {
    column.replaceChildren(
      ...labels.map((label, i) => {
        const item = this.document.createElement('div');
        item.className = 'tt-picker-item';
        item.setAttribute('role', 'option');
        item.setAttribute('data-tt-column', String(c));
        item.setAttribute('data-tt-index', String(i));
        item.setAttribute('data-tt-value', label);
        item.style.height = `${ITEM_HEIGHT}px`;
        item.style.lineHeight = `${ITEM_HEIGHT}px`;
        item.textContent = label;
        return item;
      }),
    );
  }

  private scrollAll(smoothColumn?: number): void {
    const selected = this.model.selected();
    this.columns.forEach((column, c) => {
      const top = (selected[c] ?? 0) * ITEM_HEIGHT;
      if (Math.abs(column.scrollTop - top) < 1) return;
      if (typeof column.scrollTo === 'function') column.scrollTo({ top, behavior: c === smoothColumn ? 'smooth' : 'auto' });
      else column.scrollTop = top;
    });
  }
}
