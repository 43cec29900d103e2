/** TTML tag → its implementation. Tags not here render as a plain div with their children. */
import type { Component } from '../component.js';
import { buttonComponent } from './button.js';
import { canvasComponent } from './canvas.js';
import { checkboxComponent, checkboxGroupComponent, radioComponent, radioGroupComponent } from './choice.js';
import { formComponent } from './form.js';
import { iconComponent } from './icon.js';
import { imageComponent } from './image.js';
import { labelComponent } from './label.js';
import { pickerComponent } from './picker.js';
import { plainComponent } from './plain.js';
import { progressComponent } from './progress.js';
import { richTextComponent } from './rich-text.js';
import { scrollViewComponent } from './scroll-view.js';
import { sliderComponent } from './slider.js';
import { swiperComponent, swiperItemComponent } from './swiper.js';
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
  ['picker', pickerComponent],
  ['radio', radioComponent],
  ['radio-group', radioGroupComponent],
  ['checkbox', checkboxComponent],
  ['checkbox-group', checkboxGroupComponent],
  ['form', formComponent],
  ['label', labelComponent],
  ['swiper', swiperComponent],
  ['swiper-item', swiperItemComponent],
  ['rich-text', richTextComponent],
  ['progress', progressComponent],
  ['canvas', canvasComponent],
]);

/** For tags that are not components ttsim implements (custom components, video, map, …). */
export const UNKNOWN_COMPONENT: Component = plainComponent('#unknown');
