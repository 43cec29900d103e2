/** The simulator on the left, the panels on the right, and a separator between them to drag (or move with the arrow keys). */
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampPanel, PANEL_MIN, useDevtools, useDevtoolsStore } from './store.js';

const KEY_STEP = 24;

export function SplitView({ left, right }: { readonly left: ReactNode; readonly right: ReactNode }) {
  const store = useDevtoolsStore();
  const width = useDevtools((s) => s.ui.panelWidth);
  const container = useRef<HTMLDivElement>(null);
  const available = () => container.current?.clientWidth || window.innerWidth;
  const resize = (next: number) => store.getState().setPanelWidth(clampPanel(next, available()));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const right = container.current?.getBoundingClientRect().right ?? window.innerWidth;
    const move = (e: globalThis.PointerEvent) => resize(right - e.clientX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      document.body.classList.remove('resizing');
    };
    document.body.classList.add('resizing');
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    if (event.key === 'ArrowLeft') resize(width + step);
    else if (event.key === 'ArrowRight') resize(width - step);
    else if (event.key === 'Home') resize(available());
    else if (event.key === 'End') resize(PANEL_MIN);
    else return;
    event.preventDefault();
  };

  return (
    <div className="split" ref={container}>
      {/* Focusable, so that a keyboard can scroll the device when it is larger than the pane (zoom). */}
      <section className="split-left" aria-label="Simulator" tabIndex={0}>
        {left}
      </section>
      <div
        className="separator"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize panels"
        aria-valuemin={PANEL_MIN}
        aria-valuemax={Math.max(PANEL_MIN, available() - 260)}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => resize(Math.round(available() * 0.55))}
      />
      <section className="split-right" style={{ width }} aria-label="Panels">
        {right}
      </section>
    </div>
  );
}
