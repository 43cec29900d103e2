/**
 * <rich-text nodes="…" space="ensp|emsp|nbsp"> → a <div> holding the nodes as whitelisted DOM
 * (rich-text-sanitize.ts: tags, attributes and URLs are filtered, nothing in the nodes can run code).
 * Rebuilt only when `nodes` or `space` changes. Taps inside reach the rich-text's own bindings (the inner
 * nodes are not components).
 */
import { changed, read, readText } from '../attributes.js';
import type { Component } from '../component.js';
import { buildRichText, fromNodeArray, parseHtml, type RichNode } from './rich-text-sanitize.js';

export const richTextComponent: Component = {
  domTag: 'div',
  ownsContent: true,
  create: (context) => context.document.createElement('div'),
  update(element, next, previous, context) {
    if (!(changed(next, previous, 'nodes') || changed(next, previous, 'space'))) return;
    const nodes = read(next, 'nodes');
    let parsed: RichNode[] = [];
    if (typeof nodes === 'string') parsed = parseHtml(nodes, context.document);
    else if (Array.isArray(nodes)) parsed = fromNodeArray(nodes);
    const space = readText(next, 'space');
    element.replaceChildren(...buildRichText(parsed, { document: context.document, resolveImageSrc: context.resolveImageSrc, ...(space ? { space } : {}) }));
  },
};
