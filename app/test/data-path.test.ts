import { describe, expect, it } from 'vitest';
import { getByPath, setByPath } from '../src/runtime/gadget/data-path.js';

describe('setData path keys', () => {
  it('set nested values, creating objects and arrays on the way', () => {
    const data: Record<string, unknown> = {};
    setByPath(data, 'a.b', 1);
    setByPath(data, 'list[1].name', 'x');
    expect(data).toEqual({ a: { b: 1 }, list: [undefined, { name: 'x' }] });
    expect(getByPath(data, 'list[1].name')).toBe('x');
  });

  it.each(['__proto__.polluted', 'a.__proto__.polluted', 'constructor.prototype.polluted', 'a[0].__proto__'])('refuse %s, which would reach Object.prototype', (key) => {
    const data: Record<string, unknown> = { a: [{}] };
    expect(() => setByPath(data, key, 'yes')).toThrow(/is not a data key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
