import { describe, expect, it } from 'vitest';
import { hostTheme, themeOfColor } from './host-theme';

describe('the host page theme', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(246, 248, 252)', 'light'],
    ['rgb(32, 33, 36)', 'dark'],
    ['rgba(17, 17, 17, 1)', 'dark'],
    ['rgba(0, 0, 0, 0)', undefined],
    ['transparent', undefined],
    ['', undefined],
  ])('%s is %s', (color, theme) => {
    expect(themeOfColor(color)).toBe(theme);
  });

  it("reads the body's background first, then the root's", () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 20)';
    expect(hostTheme(document)).toBe('dark');
    document.body.style.backgroundColor = '';
    document.documentElement.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(hostTheme(document)).toBe('light');
    document.documentElement.style.backgroundColor = '';
  });
});
