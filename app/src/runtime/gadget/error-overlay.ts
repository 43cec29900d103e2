/** A clear error on the simulated screen instead of a blank page: what went wrong, in which file and line. */
export interface ShownError {
  readonly title: string;
  readonly message: string;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

export function showErrorOverlay(document: Document, error: ShownError): HTMLElement {
  document.querySelector('[data-ttsim-error]')?.remove();
  const panel = document.createElement('div');
  panel.dataset.ttsimError = 'true';
  panel.setAttribute('role', 'alert');
  panel.style.cssText = 'position:fixed;inset:0;z-index:2147483600;background:#fff5f5;color:#8a1c1c;padding:20px;font:13px ui-monospace,monospace;overflow:auto;white-space:pre-wrap;';
  const where = error.file ? `${error.file}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}` : '';
  const heading = document.createElement('div');
  heading.style.cssText = 'font:600 16px system-ui,sans-serif;margin-bottom:12px;';
  heading.textContent = error.title;
  const location = document.createElement('div');
  location.dataset.ttsimErrorLocation = where;
  location.style.cssText = 'margin-bottom:8px;color:#555;';
  location.textContent = where;
  const message = document.createElement('div');
  message.textContent = error.message;
  panel.append(heading, location, message);
  document.body.append(panel);
  return panel;
}
