/**
 * The history (./history.ts) in words, in either language, for the prose components and the charts alike,
 * so a sentence and a chart never say a figure or a move differently. Every number goes through the
 * formatter (src/format/format.ts), every word through t().
 */
import { formatCompact, formatInteger, formatInUnit, formatOrdinal, unitFor, withQualifier, withQualifierShort, type Lang, type Qualifier } from '../format/format.ts';
import { t } from '../i18n/index.ts';
import { absentBefore, moveSinceSnapshot } from './history.ts';
import { history, snapshot } from './index.ts';

/**
 * The fewest decimals (at most 3) that write `value` in its unit without losing a digit the source gave:
 * 430000000 -> 0 ('43 crore'), 318600000 -> 2 ('31.86 crore'), 100110000 -> 3 ('10.011 crore').
 */
export function unitDecimals(value: number): number {
  const unit = unitFor(value);
  if (!unit) return 0;
  const scaled = value / (unit === 'crore' ? 1e7 : 1e5);
  for (let decimals = 0; decimals < 3; decimals += 1) {
    if (Math.abs(Math.round(scaled * 10 ** decimals) - scaled * 10 ** decimals) < 1e-6) return decimals;
  }
  return 3;
}

/** A count in its unit, as precise as the source gave it: '43 करोड़', '31.86 crore', '60 lakh', '1,152'. */
export function compact(value: number, lang: Lang): string {
  const unit = unitFor(value);
  return unit ? formatInUnit(value, unit, lang, unitDecimals(value)) : formatCompact(value, lang);
}

/**
 * A count with its qualifier in the short form charts use: '43 करोड़+', '~31.86 crore'. An exact count is
 * written in full ('1,34,11,325'): rounding it would show a rounded figure as if it were exact.
 */
export function compactShort(value: number, qualifier: Qualifier, lang: Lang): string {
  return qualifier === 'exact' ? formatInteger(value) : withQualifierShort(compact(value, lang), qualifier);
}

/** The same in words, for prose and tables: 'over 43 crore' / '43 करोड़ से अधिक', 'about 10.011 crore', '1,34,11,325'. */
export function compactLong(value: number, qualifier: Qualifier, lang: Lang): string {
  return qualifier === 'exact' ? formatInteger(value) : withQualifier(compact(value, lang), qualifier, lang);
}

export { publisherName } from './sources.ts';

/**
 * How a state's place changed from the snapshot's list to the newest, as a clause in `lang`, or undefined
 * when it is in neither: 'rose from ninth to third place' / 'नौवें से तीसरे स्थान पर पहुंच गया'. A state that
 * enters the top ten for the first time in these lists is said to; one that comes back is said to come back.
 */
export function moveText(code: string, lang: Lang): string | undefined {
  const change = moveSinceSnapshot(history, snapshot.asOf, code);
  if (!change) return undefined;
  const ordinal = (rank: number | null) => (rank === null ? '' : formatOrdinal(rank, lang));
  const values = { from: ordinal(change.from.rank), to: ordinal(change.to.rank) };
  if (change.move === 'entered') return t(lang, absentBefore(history, code, change.to.asOf) ? 'since.move.new' : 'since.move.entered', values);
  return t(lang, `since.move.${change.move}`, values);
}
