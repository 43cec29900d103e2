/**
 * A log that keeps many lines but draws only the rows in view (one line each, fixed height). A burst of
 * calls then costs the shell a few dozen rows per frame, not hundreds: drawing every line took CPU from
 * the guest and showed in the bridge's p99 (bench/bridge.mjs).
 */
export interface LogLine {
  readonly text: string;
  readonly className: string;
}

const ROW_PX = 18;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 10;

export class WindowedLog {
  private readonly lines: LogLine[] = [];
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private scheduled = false;

  constructor(
    private readonly viewport: HTMLElement,
    /** Lines kept; older ones are dropped (the full stream stays on the host). */
    private readonly capacity: number,
  ) {
    viewport.style.position = 'relative';
    this.spacer = viewport.ownerDocument.createElement('div');
    this.rows = viewport.ownerDocument.createElement('div');
    this.rows.style.cssText = 'position:absolute;left:0;right:0;top:0';
    viewport.append(this.spacer, this.rows);
    viewport.addEventListener('scroll', () => this.schedule());
  }

  /** Adds lines; the view follows the end while the reader is at the end. */
  append(lines: readonly LogLine[]): void {
    if (lines.length === 0) return;
    const { scrollTop, clientHeight, scrollHeight } = this.viewport;
    const following = scrollTop + clientHeight >= scrollHeight - ROW_PX;
    this.lines.push(...lines);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
    this.spacer.style.height = `${this.lines.length * ROW_PX}px`;
    if (following) this.viewport.scrollTop = this.lines.length * ROW_PX;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.scheduled = false;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_PX) - OVERSCAN);
    const last = Math.min(this.lines.length, Math.ceil((this.viewport.scrollTop + this.viewport.clientHeight) / ROW_PX) + OVERSCAN);
    const fragment = this.viewport.ownerDocument.createDocumentFragment();
    for (let i = first; i < last; i++) {
      const line = this.lines[i]!;
      const row = this.viewport.ownerDocument.createElement('div');
      row.className = `row ${line.className}`;
      row.textContent = line.text;
      row.title = line.text;
      fragment.append(row);
    }
    this.rows.style.transform = `translateY(${first * ROW_PX}px)`;
    this.rows.replaceChildren(fragment);
  }
}
