/** What the renderer keeps for each rendered vnode: the vnode last drawn and its DOM node. */
import type { VElement, VText } from '../ttml/vnode.js';
import type { Component } from './component.js';

export interface MountedText {
  readonly kind: 'text';
  vnode: VText;
  readonly node: Text;
}

export interface MountedElement {
  readonly kind: 'element';
  vnode: VElement;
  readonly node: HTMLElement;
  readonly component: Component;
  children: Mounted[];
}

export type Mounted = MountedText | MountedElement;
