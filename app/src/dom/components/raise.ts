/**
 * How a component raises a TTML event outside of a DOM event's `translate` (a radio raising the group's
 * change, a picker's sheet confirming, a swiper's autoplay): it dispatches this DOM event on the element whose
 * bindings should run, and the event delegation (events.ts) hands it to that element's bindings only, as it
 * does for component events (they do not bubble).
 *
 * The DOM event does not bubble; the delegation listens in the capture phase, which every dispatch passes.
 */

export const RAISED_EVENT = 'ttsim-component-event';

export interface RaisedEventDetail {
  type: string;
  detail: unknown;
}

export function raise(element: Element, type: string, detail: unknown): void {
  const view = element.ownerDocument.defaultView;
  const CustomEventCtor = view?.CustomEvent ?? CustomEvent;
  element.dispatchEvent(new CustomEventCtor<RaisedEventDetail>(RAISED_EVENT, { bubbles: false, detail: { type, detail } }));
}
