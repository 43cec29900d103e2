/** TTML tag → its implementation. Tags not here render as a plain div with their children. */
import type { Component } from '../component.js';
import { buttonComponent } from './button.js';
import { iconComponent } from './icon.js';
import { imageComponent } from './image.js';
import { plainComponent } from './plain.js';
import { scrollViewComponent } from './scroll-view.js';
import { sliderComponent } from './slider.js';
import { switchComponent } from './switch.js';
import { inputComponent, textareaComponent } from './text-field.js';

export const COMPONENTS: ReadonlyMap<string, Component> = new Map([
  ['view', plainComponent('view')],
  ['text', plainComponent('text')],
  ['navigator', plainComponent('navigator')],
  ['image', imageComponent],
  ['button', buttonComponent],
  ['input', inputComponent],
  ['textarea', textareaComponent],
  ['slider', sliderComponent],
  ['switch', switchComponent],
  ['scroll-view', scrollViewComponent],
  ['icon', iconComponent],
]);

/** For tags that are not components ttsim implements (custom components, swiper, picker, …). */
export const UNKNOWN_COMPONENT: Component = plainComponent('#unknown');
