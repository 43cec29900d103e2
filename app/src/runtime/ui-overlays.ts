/**
 * Toast, loading, modal, action sheet and the image viewer, drawn over the simulated screen. Each overlay
 * carries data-ttsim-ui so that the automation SDK can find, read and answer it.
 */
import type { BaseCallContext } from '../../../emulator-api/src/common/call.js';
import { Errno, TtError } from '../../../emulator-api/src/common/errors.js';

/** What is open over the page, and how a test (or the user) answers a dialog: the protocol says (guestOps.modal). */
export type { DialogAnswer, Overlay as OpenOverlay } from '../../../emulator-api/src/protocol/messages.js';
import type { DialogAnswer, Overlay as OpenOverlay } from '../../../emulator-api/src/protocol/messages.js';

type DialogKind = 'modal' | 'actionSheet' | 'previewImage';

const STYLE = `
[data-ttsim-ui] { position: fixed; z-index: 2147483000; font: 15px -apple-system, system-ui, sans-serif; }
[data-ttsim-ui=toast], [data-ttsim-ui=loading] { left: 50%; top: 45%; transform: translate(-50%, -50%); min-width: 120px; max-width: 70%;
  background: rgba(17,17,17,.8); color: #fff; border-radius: 8px; padding: 14px 16px; text-align: center; }
[data-ttsim-ui] .ttsim-icon { font-size: 28px; display: block; margin-bottom: 6px; }
[data-ttsim-mask] { position: fixed; inset: 0; z-index: 2147482999; background: transparent; }
[data-ttsim-mask=modal] { background: rgba(0,0,0,.45); }
[data-ttsim-ui=modal] { left: 50%; top: 50%; transform: translate(-50%, -50%); width: 78%; background: #fff; border-radius: 12px; overflow: hidden; text-align: center; }
[data-ttsim-ui=modal] .ttsim-title { font-weight: 600; padding: 20px 16px 6px; }
[data-ttsim-ui=modal] .ttsim-content { color: #555; padding: 6px 16px 20px; white-space: pre-wrap; }
[data-ttsim-ui=modal] .ttsim-buttons { display: flex; border-top: 1px solid #eee; }
[data-ttsim-ui=modal] button { flex: 1; border: 0; background: none; padding: 14px; font: inherit; cursor: pointer; }
[data-ttsim-ui=modal] button + button { border-left: 1px solid #eee; }
[data-ttsim-mask=actionSheet] { background: rgba(0,0,0,.45); }
[data-ttsim-ui=actionSheet] { left: 0; right: 0; bottom: 0; background: #f2f3f5; border-radius: 12px 12px 0 0; overflow: hidden; }
[data-ttsim-ui=actionSheet] button { display: block; width: 100%; border: 0; border-bottom: 1px solid #eee; background: #fff; padding: 15px; font: inherit; cursor: pointer; }
[data-ttsim-ui=actionSheet] button[data-ttsim-answer=cancel] { margin-top: 8px; border: 0; }
[data-ttsim-ui=previewImage] { inset: 0; background: #000; display: flex; align-items: center; justify-content: center; cursor: zoom-out; }
[data-ttsim-ui=previewImage] img { max-width: 100%; max-height: 100%; object-fit: contain; }
[data-ttsim-ui=previewImage] .ttsim-counter { position: absolute; top: 16px; left: 0; right: 0; text-align: center; color: #fff; }
[data-ttsim-ui=previewImage] .ttsim-step { position: absolute; top: 50%; transform: translateY(-50%); border: 0; background: rgba(255,255,255,.15); color: #fff; font-size: 28px; width: 44px; height: 64px; cursor: pointer; }
[data-ttsim-ui=previewImage] .ttsim-step[data-step="-1"] { left: 0; }
[data-ttsim-ui=previewImage] .ttsim-step[data-step="1"] { right: 0; }
`;

const ICONS: Record<string, string> = { success: '✓', error: '✕', loading: '◌', none: '' };

export class UiOverlays {
  private toast: { element: HTMLElement; mask?: HTMLElement; timer?: ReturnType<typeof setTimeout>; kind: 'toast' | 'loading' } | undefined;
  private dialog: { kind: DialogKind; element: HTMLElement; mask: HTMLElement; answer: (answer: DialogAnswer) => void } | undefined;

  constructor(
    private readonly document: Document,
    private readonly notify: (what: string, detail: unknown) => void,
    /** Package path or ttfile:// path → a URL the guest document can load. */
    private readonly resolveSrc: (src: string) => string = (src) => src,
  ) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    document.head.append(style);
  }

  /** Guest implementations of the screen APIs, for buildTt. */
  implementations() {
    return {
      showToast: (p: { title: string; icon?: string; image?: string; duration?: number; mask?: boolean }, ctx: BaseCallContext) => {
        ctx.applyRule('toast-defaults');
        this.showToast('toast', p.title, p.icon ?? 'success', p.duration ?? 1500, p.mask ?? false);
        return {};
      },
      hideToast: () => {
        if (this.toast?.kind === 'toast') this.hideToast();
        return {};
      },
      showLoading: (p: { title: string; mask?: boolean }, ctx: BaseCallContext) => {
        ctx.applyRule('loading-until-hidden');
        this.showToast('loading', p.title, 'loading', undefined, p.mask ?? false);
        return {};
      },
      hideLoading: () => {
        if (this.toast?.kind === 'loading') this.hideToast();
        return {};
      },
      showModal: (p: { title?: string; content?: string; showCancel?: boolean; cancelText?: string; cancelColor?: string; confirmText?: string; confirmColor?: string }, ctx: BaseCallContext) => {
        ctx.applyRule('modal-buttons');
        return new Promise<{ confirm: boolean; cancel: boolean }>((resolve) => {
          this.showModal(p, (answer) => {
            const confirm = 'confirm' in answer && answer.confirm;
            resolve({ confirm, cancel: !confirm });
          });
        });
      },
      showActionSheet: (p: { itemList: string[]; itemColor?: string }, ctx: BaseCallContext) => {
        ctx.applyRule('sheet-tap');
        return new Promise<{ tapIndex: number }>((resolve, reject) => {
          this.showActionSheet(p.itemList, p.itemColor ?? '#000000', (answer) => {
            if ('index' in answer) resolve({ tapIndex: answer.index });
            else reject(new TtError(Errno.userCanceled, 'cancel', { rule: 'sheet-tap' }));
          });
        });
      },
      previewImage: (p: { urls: string[]; current?: string }, ctx: BaseCallContext) => {
        const start = p.current === undefined ? 0 : p.urls.indexOf(p.current);
        if (start < 0) throw new TtError(Errno.invalidParameter, `current must be one of urls: ${JSON.stringify(p.current)} is not`);
        ctx.applyRule('viewer-open');
        ctx.applyRule('viewer-sources');
        this.showViewer(p.urls, start);
        return {};
      },
    };
  }

  /** What is open, for the automation SDK: a dialog first, else a toast or loading. */
  current(): OpenOverlay | null {
    if (this.dialog) {
      const el = this.dialog.element;
      const text = (selector: string) => el.querySelector(selector)?.textContent ?? '';
      return {
        kind: this.dialog.kind,
        title: text('.ttsim-title'),
        content: text('.ttsim-content'),
        buttons: [...el.querySelectorAll<HTMLElement>('[data-ttsim-answer]')].map((b) => b.textContent ?? ''),
        items:
          this.dialog.kind === 'previewImage'
            ? [...el.querySelectorAll<HTMLElement>('[data-ttsim-url]')].map((i) => i.dataset.ttsimUrl ?? '')
            : [...el.querySelectorAll<HTMLElement>('[data-ttsim-item]')].map((b) => b.textContent ?? ''),
      };
    }
    if (this.toast) return { kind: this.toast.kind, title: this.toast.element.querySelector('.ttsim-text')?.textContent ?? '', content: '', buttons: [], items: [] };
    return null;
  }

  /** Answers the open dialog as the user would (confirm / cancel, or an action sheet item); false when none is open. */
  answer(answer: DialogAnswer): boolean {
    if (!this.dialog) return false;
    if ('index' in answer && (this.dialog.kind !== 'actionSheet' || !this.dialog.element.querySelector(`[data-ttsim-item="${answer.index}"]`))) return false;
    const { answer: deliver } = this.dialog;
    this.closeDialog();
    deliver(answer);
    return true;
  }

  private showToast(kind: 'toast' | 'loading', title: string, icon: string, duration: number | undefined, mask: boolean): void {
    this.hideToast();
    const element = this.document.createElement('div');
    element.dataset.ttsimUi = kind;
    element.setAttribute('role', 'status');
    const iconText = ICONS[icon] ?? '';
    if (iconText) {
      const i = this.document.createElement('span');
      i.className = 'ttsim-icon';
      i.textContent = iconText;
      element.append(i);
    }
    const text = this.document.createElement('span');
    text.className = 'ttsim-text';
    text.textContent = title;
    element.append(text);
    const maskElement = mask ? this.mask(kind) : undefined;
    this.document.body.append(element);
    this.toast = { element, kind, ...(maskElement ? { mask: maskElement } : {}) };
    if (duration !== undefined) this.toast.timer = setTimeout(() => this.hideToast(), duration);
    this.notify(kind, { title, icon });
  }

  private hideToast(): void {
    if (!this.toast) return;
    clearTimeout(this.toast.timer);
    this.toast.element.remove();
    this.toast.mask?.remove();
    this.toast = undefined;
  }

  private showModal(
    p: { title?: string; content?: string; showCancel?: boolean; cancelText?: string; cancelColor?: string; confirmText?: string; confirmColor?: string },
    answer: (answer: DialogAnswer) => void,
  ): void {
    this.closeDialog();
    const mask = this.mask('modal');
    const element = this.document.createElement('div');
    element.dataset.ttsimUi = 'modal';
    element.setAttribute('role', 'dialog');
    const add = (className: string, text: string | undefined) => {
      if (!text) return;
      const div = this.document.createElement('div');
      div.className = className;
      div.textContent = text;
      element.append(div);
    };
    add('ttsim-title', p.title);
    add('ttsim-content', p.content);
    const buttons = this.document.createElement('div');
    buttons.className = 'ttsim-buttons';
    const button = (text: string, color: string, confirm: boolean) => {
      const b = this.document.createElement('button');
      b.textContent = text;
      b.style.color = color;
      b.dataset.ttsimAnswer = confirm ? 'confirm' : 'cancel';
      b.addEventListener('click', () => this.answer({ confirm }));
      buttons.append(b);
    };
    if (p.showCancel ?? true) button(p.cancelText ?? '取消', p.cancelColor ?? '#000000', false);
    button(p.confirmText ?? '确定', p.confirmColor ?? '#3370ff', true);
    element.append(buttons);
    this.document.body.append(element);
    this.dialog = { kind: 'modal', element, mask, answer };
    this.notify('modal', { title: p.title, content: p.content });
  }

  private showActionSheet(items: readonly string[], color: string, answer: (answer: DialogAnswer) => void): void {
    this.closeDialog();
    const mask = this.mask('actionSheet');
    mask.addEventListener('click', () => this.answer({ confirm: false }));
    const element = this.document.createElement('div');
    element.dataset.ttsimUi = 'actionSheet';
    element.setAttribute('role', 'menu');
    items.forEach((item, index) => {
      const b = this.document.createElement('button');
      b.textContent = item;
      b.style.color = color;
      b.dataset.ttsimItem = String(index);
      b.addEventListener('click', () => this.answer({ index }));
      element.append(b);
    });
    const cancel = this.document.createElement('button');
    cancel.textContent = '取消';
    cancel.dataset.ttsimAnswer = 'cancel';
    cancel.addEventListener('click', () => this.answer({ confirm: false }));
    element.append(cancel);
    this.document.body.append(element);
    this.dialog = { kind: 'actionSheet', element, mask, answer };
    this.notify('actionSheet', { items });
  }

  /** The image viewer: one image at a time, arrows to step, a tap anywhere else closes it. */
  private showViewer(urls: readonly string[], start: number): void {
    this.closeDialog();
    const mask = this.mask('previewImage');
    const element = this.document.createElement('div');
    element.dataset.ttsimUi = 'previewImage';
    element.setAttribute('role', 'dialog');
    const counter = this.document.createElement('div');
    counter.className = 'ttsim-counter';
    const image = this.document.createElement('img');
    element.append(image, counter);
    for (const url of urls) {
      const marker = this.document.createElement('span');
      marker.hidden = true;
      marker.dataset.ttsimUrl = url;
      element.append(marker);
    }
    let index = start;
    const show = () => {
      image.src = this.resolveSrc(urls[index]!);
      image.dataset.ttsimIndex = String(index);
      counter.textContent = `${index + 1} / ${urls.length}`;
    };
    for (const step of [-1, 1]) {
      if (urls.length < 2) break;
      const b = this.document.createElement('button');
      b.className = 'ttsim-step';
      b.dataset.step = String(step);
      b.textContent = step < 0 ? '‹' : '›';
      b.addEventListener('click', (event) => {
        event.stopPropagation();
        index = (index + step + urls.length) % urls.length;
        show();
      });
      element.append(b);
    }
    element.addEventListener('click', () => this.answer({ confirm: false }));
    show();
    this.document.body.append(element);
    this.dialog = { kind: 'previewImage', element, mask, answer: () => undefined };
    this.notify('previewImage', { urls, current: urls[start] });
  }

  private closeDialog(): void {
    this.dialog?.element.remove();
    this.dialog?.mask.remove();
    this.dialog = undefined;
  }

  private mask(kind: string): HTMLElement {
    const mask = this.document.createElement('div');
    mask.dataset.ttsimMask = kind;
    this.document.body.append(mask);
    return mask;
  }
}
