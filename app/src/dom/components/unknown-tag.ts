/**
 * The warning for a tag the renderer has no component for (it renders the tag's children in a plain box,
 * as a <view> would). The component registry (emulator-api/src/common/components.ts) tells a Feishu
 * component ttsim does not draw apart from a tag that is no Feishu component at all.
 */
import { findComponent } from '../../../../emulator-api/src/common/components.js';

export function unknownTagWarning(tag: string): string {
  if (findComponent(tag) !== undefined) return `<${tag}> is a Feishu component ttsim does not draw yet: its children render in a plain box`;
  return `<${tag}> is not a Feishu component: rendered as a plain view (ttsim assumes the client does the same)`;
}
