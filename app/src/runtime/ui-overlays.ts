/**
 * Toast, loading and modal, drawn over the simulated screen. Each overlay carries data-ttsim-ui so that the
 * automation SDK can find, read and answer it.
 */
import type { BaseCallContext } from '../../../emulator-api/src/common/call.js';

export interface OpenOverlay {
  readonly kind: 'toast' | 'loading' | 'modal';
  readonly title: string;
  readonly content: string;
  readonly buttons: readonly string[];
}

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
`;

const ICONS: Record<string, string> = { success: '✓', error: '✕', loading: '◌', none: '' };

export class UiOverlays {
  private toast: { element: HTMLElement; mask?: HTMLElement; timer?: ReturnType<typeof setTimeout>; kind: 'toast' | 'loading' } | undefined;
  private modal: { element: HTMLElement; mask: HTMLElement; answer: (confirm: boolean) => void } | undefined;

  constructor(
    private readonly document: Document,
    private readonly notify: (what: string, detail: unknown) => void,
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
          this.showModal(p, (confirm) => resolve({ confirm, cancel: !confirm }));
        });
      },
    };
  }

  /** What is open, for the automation SDK. */
  current(): OpenOverlay | null {
    if (this.modal) {
      const el = this.modal.element;
      return {
        kind: 'modal',
        title: el.querySelector('.ttsim-title')?.textContent ?? '',
        content: el.querySelector('.ttsim-content')?.textContent ?? '',
        buttons: [...el.querySelectorAll('button')].map((b) => b.textContent ?? ''),
      };
    }
    if (this.toast) return { kind: this.toast.kind, title: this.toast.element.querySelector('.ttsim-text')?.textContent ?? '', content: '', buttons: [] };
    return null;
  }

  /** Answers the open modal as the user would; false when none is open. */
  answerModal(confirm: boolean): boolean {
    if (!this.modal) return false;
    const { answer } = this.modal;
    this.closeModal();
    answer(confirm);
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
    answer: (confirm: boolean) => void,
  ): void {
    this.closeModal();
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
      b.addEventListener('click', () => this.answerModal(confirm));
      buttons.append(b);
    };
    if (p.showCancel ?? true) button(p.cancelText ?? '取消', p.cancelColor ?? '#000000', false);
    button(p.confirmText ?? '确定', p.confirmColor ?? '#3370ff', true);
    element.append(buttons);
    this.document.body.append(element);
    this.modal = { element, mask, answer };
    this.notify('modal', { title: p.title, content: p.content });
  }

  private closeModal(): void {
    this.modal?.element.remove();
    this.modal?.mask.remove();
    this.modal = undefined;
  }

  private mask(kind: string): HTMLElement {
    const mask = this.document.createElement('div');
    mask.dataset.ttsimMask = kind;
    this.document.body.append(mask);
    return mask;
  }
}
