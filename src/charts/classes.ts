/**
 * Classes for shading a map: where one shade ends and the next begins, worked out from the data.
 *
 * The rule: classes of equal ratio (a geometric progression) from the smallest value to the largest. Each
 * class's upper end is the same multiple of its lower end, so the breaks are evenly spaced on a logarithmic
 * scale. Rates across states are skewed (a few far above the rest: on 4 October 2021 the highest was more than
 * twenty times the lowest), and equal steps would put nearly every state in the lowest class.
 *
 * Breaks are rounded to the decimals the report shows a rate with, and a value is classed by its rounded
 * form, so what a reader sees in a table or tooltip agrees with the legend: a class holds the values shown
 * from its lower break up to, not including, its upper break (the last class includes its upper end).
 */

/** e.g. { breaks: [3.6, 7.9, 17.5, 38.6, 85.2] }: four classes, from the smallest value to the largest. */
export interface Classes {
  /** Class i runs from breaks[i] to breaks[i + 1]; one more break than classes, ascending. */
  breaks: number[];
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/**
 * At most `count` classes of equal ratio from min(values) to max(values), with breaks rounded to `decimals`.
 * Breaks that round to the same number merge their classes (few distinct values give fewer classes).
 * e.g. ratioClasses([3.59, 4.05, 85.18], 4, 1) -> { breaks: [3.6, 7.9, 17.5, 38.6, 85.2] }
 */
export function ratioClasses(values: readonly number[], count: number, decimals: number): Classes {
  if (values.length === 0) throw new Error('ratioClasses: no values to class');
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (!(low > 0)) throw new Error(`ratioClasses: classes of equal ratio need values above zero, got ${low}`);
  const ratio = (high / low) ** (1 / count);
  const breaks = Array.from({ length: count + 1 }, (_, index) => round(index === count ? high : low * ratio ** index, decimals));
  const distinct = breaks.filter((value, index) => index === 0 || value > breaks[index - 1]!);
  // All values alike: one class, from the value to itself.
  return { breaks: distinct.length === 1 ? [distinct[0]!, distinct[0]!] : distinct };
}

/** The class of `value` (0 is the lowest), classed by its rounded form as the text shows it. */
export function classOf(value: number, classes: Classes, decimals: number): number {
  const shown = round(value, decimals);
  const last = classes.breaks.length - 2;
  const above = classes.breaks.slice(1, -1).filter((edge) => shown >= edge).length;
  return Math.min(above, last);
}
