/**
 * rpx → px: 750rpx is the screen width, so a px value is rpx × (windowWidth / 750). Values are rounded to
 * 4 decimals (WeChat floors to whole pixels at runtime and draws 0 < x < 1 as a hairline; ttsim keeps the
 * fraction so layouts scale smoothly — assumed, Feishu documents no rounding).
 */
import { tokenizeCss, type CssToken } from './css-tokenizer.js';

export function rpxToPxText(rpx: number, rpxToPx: number): string {
  const px = Math.round(rpx * rpxToPx * 10_000) / 10_000;
  return `${Object.is(px, -0) ? 0 : px}px`;
}

/** The token's text with `rpx` dimensions converted; other tokens unchanged. */
export function convertRpxToken(token: CssToken, rpxToPx: number): string {
  return token.type === 'dimension' && token.name!.toLowerCase() === 'rpx' ? rpxToPxText(token.value!, rpxToPx) : token.text;
}

/** Converts every rpx dimension in a CSS fragment (an inline style, a declaration); strings and url() are left alone. */
export function convertRpx(css: string, rpxToPx = 1): string {
  if (!/rpx/i.test(css)) return css;
  let out = '';
  for (const token of tokenizeCss(css)) out += convertRpxToken(token, rpxToPx);
  return out;
}
