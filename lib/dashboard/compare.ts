/** Plain code-unit order: stable and fast; `localeCompare` costs seconds over 20,000 names. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
