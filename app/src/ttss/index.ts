/** TTSS: rpx, @import and TTML tag selectors → CSS for the rendered DOM. */
export { compileTtss, TtssError, type TtssOptions } from './compile-ttss.js';
export { convertRpx } from './rpx.js';
export { toDomSelector } from '../dom/selector.js';
