/** Components that are just a container for their children: view, text, navigator, unknown tags. */
import type { Component } from '../component.js';
import { domTagOf } from '../tag-scheme.js';

export function plainComponent(tag: string): Component {
  const domTag = domTagOf(tag);
  return {
    domTag,
    ownsContent: false,
    create: (context) => context.document.createElement(domTag),
    update: () => {},
  };
}
