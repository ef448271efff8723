import { formatLocale } from 'd3-format';
import enIN from 'd3-format/locale/en-IN' with { type: 'json' };

/**
 * The one place that turns numbers, dates and qualifiers into text a reader sees, in either language.
 * Pages, charts, tables, downloads and the PDF all ask here, so they can never disagree.
 * Hindi uses Western digits, as Hindi newspapers do; units are joined with a no-break space.
 */

export type Lang = 'hi' | 'en';
export type Qualifier = 'exact' | 'about' | 'at-least';

const NBSP = '\u00A0';
const indian = formatLocale(enIN as Parameters<typeof formatLocale>[0]);

const UNITS = {
  crore: { value: 1e7, en: 'crore', hi: 'करोड़' },
  lakh: { value: 1e5, en: 'lakh', hi: 'लाख' },
} as const;
export type Unit = keyof typeof UNITS;

/** 13411325 -> '1,34,11,325' (Indian grouping: the last three digits, then pairs). */
export function formatInteger(value: number): string {
  return indian.format(',d')(Math.round(value));
}

/** A number in Indian grouping with up to `decimals` decimals, trailing zeros dropped: 12.5 -> '12.5'. */
export function formatDecimal(value: number, decimals = 1): string {
  return indian.format(`,.${decimals}~f`)(value);
}

/** 13411325 -> '1.34 crore' / '1.34 करोड़'; 4223054 in lakh -> '42.23 lakh'. Trailing zeros are dropped: '3 crore'. */
export function formatInUnit(value: number, unit: Unit, lang: Lang, decimals = 2): string {
  return `${formatDecimal(value / UNITS[unit].value, decimals)}${NBSP}${UNITS[unit][lang]}`;
}

/** The unit a reader expects for a size: crore from one crore, lakh from one lakh, plain digits below. */
export function unitFor(value: number): Unit | undefined {
  if (Math.abs(value) >= UNITS.crore.value) return 'crore';
  if (Math.abs(value) >= UNITS.lakh.value) return 'lakh';
  return undefined;
}

/** A count in the unit that suits it: 13411325 -> '1.34 crore', 447878 -> '4.48 lakh', 90000 -> '90,000'. */
export function formatCompact(value: number, lang: Lang, decimals = 2): string {
  const unit = unitFor(value);
  return unit ? formatInUnit(value, unit, lang, decimals) : formatInteger(value);
}

/**
 * A rate (consultations per 1,000 people) at a fixed precision, so a ranked list lines up: 85.18 -> '85.2',
 * 8.04 -> '8.0'. What it is per goes in the label or the sentence.
 */
export function formatRate(value: number, decimals = 1): string {
  return indian.format(`,.${decimals}f`)(value);
}

/** 0.5989 -> '59.9%'. Hindi news writes the per cent sign too. */
export function formatPercent(share: number, decimals = 1): string {
  return indian.format(`.${decimals}%`)(share);
}

/** An axis tick: whole units, short: 2000000 -> '20 lakh' / '20 लाख', 0 -> '0'. */
export function formatTick(value: number, lang: Lang): string {
  if (value === 0) return '0';
  const unit = unitFor(value);
  return unit ? formatInUnit(value, unit, lang, 2) : formatInteger(value);
}

/** Adds how exact a figure is: 'over 43 crore' / '43 करोड़ से अधिक'; 'about 90,000' / 'लगभग 90,000'. */
export function withQualifier(text: string, qualifier: Qualifier, lang: Lang): string {
  if (qualifier === 'exact') return text;
  if (qualifier === 'about') return lang === 'hi' ? `लगभग ${text}` : `about ${text}`;
  return lang === 'hi' ? `${text} से अधिक` : `over ${text}`;
}

/** The short form for chart labels, where words do not fit: '43 crore+' / '43 करोड़+'; '~31.86 crore'. */
export function withQualifierShort(text: string, qualifier: Qualifier): string {
  if (qualifier === 'exact') return text;
  return qualifier === 'about' ? `~${text}` : `${text}+`;
}

const ORDINALS = {
  en: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
  // The oblique form, as in 'छठे नंबर पर' and 'छठे स्थान पर', which is how ranks are reported.
  hi: ['पहले', 'दूसरे', 'तीसरे', 'चौथे', 'पांचवें', 'छठे', 'सातवें', 'आठवें', 'नौवें', 'दसवें'],
  // The direct form, for a rank standing alone, as in a list of places: 'पहला, दूसरा, तीसरा'
  // ('पहले' alone reads as 'earlier').
  hiDirect: ['पहला', 'दूसरा', 'तीसरा', 'चौथा', 'पांचवां', 'छठा', 'सातवां', 'आठवां', 'नौवां', 'दसवां'],
} as const;

/**
 * 6 -> 'sixth' / 'छठे' (oblique, before 'स्थान पर'); with `form` 'direct', 'छठा' for a rank standing alone.
 * Ranks past ten are written as digits with a suffix: '11th' / '11वें' / '11वां'.
 */
export function formatOrdinal(rank: number, lang: Lang, form: 'oblique' | 'direct' = 'oblique'): string {
  const words = lang === 'hi' && form === 'direct' ? ORDINALS.hiDirect : ORDINALS[lang];
  const word = words[rank - 1];
  if (word) return word;
  if (lang === 'hi') return form === 'direct' ? `${rank}वां` : `${rank}वें`;
  const suffix = rank % 100 >= 11 && rank % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

const COUNT_WORDS = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  hi: ['शून्य', 'एक', 'दो', 'तीन', 'चार', 'पांच', 'छह', 'सात', 'आठ', 'नौ', 'दस'],
} as const;

/**
 * A count in running text: up to ten in words, as newspapers write them ('four published lists',
 * 'चार प्रकाशित सूचियों', 'the top ten'), larger ones in digits ('26'). Tables and charts' values keep digits.
 */
export function formatCountInText(value: number, lang: Lang): string {
  return Number.isInteger(value) && value >= 0 && value <= 10 ? COUNT_WORDS[lang][value]! : formatInteger(value);
}

/**
 * Joins a list as each language's newspapers do: 'A, B and C'; Hindi puts no comma before 'और':
 * 'आंध्र प्रदेश, कर्नाटक और तमिलनाडु'.
 */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'hi' ? 'और' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hi: ['जनवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'],
} as const;

/** '2021-10-04' -> '4 October 2021' / '4 अक्टूबर 2021'; '2019-11' -> 'November 2019' / 'नवंबर 2019' (a date is shown at the precision it is given). */
export function formatDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split('-');
  const monthName = MONTHS[lang][Number(month) - 1];
  if (!year || !monthName) throw new Error(`formatDate: not an ISO date: ${iso}`);
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** '2021-10-04' -> 'Oct 2021' / 'अक्टूबर 2021': for axis labels where a day is too much. */
export function formatMonthYear(iso: string, lang: Lang): string {
  return formatDate(iso.slice(0, 7), lang);
}

/** How a figure may be written. Each kind has a natural default (see formatFigure). */
export type FigureStyle = 'number' | 'crore' | 'lakh' | 'compact' | 'percent' | 'ordinal' | 'date' | 'decimal' | 'digits' | 'times' | 'rate';

/** A figure as the formatter needs it: its kind, value and, for measures, how exact it is. */
export type FormattableFigure =
  | { kind: 'count' | 'share' | 'ratio' | 'rate'; value: number; qualifier: Qualifier }
  | { kind: 'rank'; value: number }
  | { kind: 'date'; value: string };

/**
 * Writes a figure for prose, qualifier included: a count of 27000 'at-least' -> 'over 27,000' / '27,000 से अधिक'.
 * `style` picks the form ('crore', 'lakh', ...); `decimals` the precision of crore, lakh, percent and decimal forms.
 */
export function formatFigure(figure: FormattableFigure, lang: Lang, style?: FigureStyle, decimals?: number): string {
  if (figure.kind === 'date') return formatDate(figure.value, lang);
  if (figure.kind === 'rank') return style === 'number' ? formatInteger(figure.value) : formatOrdinal(figure.value, lang);
  const defaults = { share: 'percent', ratio: 'decimal', rate: 'rate', count: 'number' } as const;
  const chosen = style ?? defaults[figure.kind];
  const text = (() => {
    switch (chosen) {
      case 'crore':
        return formatInUnit(figure.value, 'crore', lang, decimals ?? 2);
      case 'lakh':
        return formatInUnit(figure.value, 'lakh', lang, decimals ?? 2);
      case 'compact':
        return formatCompact(figure.value, lang, decimals ?? 2);
      case 'percent':
        return formatPercent(figure.value, decimals ?? 1);
      case 'decimal':
        return formatDecimal(figure.value, decimals ?? 1);
      case 'rate':
        return formatRate(figure.value, decimals ?? 1);
      case 'times':
        // A multiple with its word inside the qualifier: 'over 32 times' / '32 गुना से अधिक' (not '32 से अधिक गुना').
        return `${formatDecimal(figure.value, decimals ?? 1)} ${lang === 'hi' ? 'गुना' : 'times'}`;
      case 'number':
        // Prose: an exact count up to ten is a word ('the top ten states'); 'digits' keeps the digits.
        return figure.qualifier === 'exact' ? formatCountInText(figure.value, lang) : formatInteger(figure.value);
      case 'digits':
        return formatInteger(figure.value);
      default:
        throw new Error(`formatFigure: a ${figure.kind} cannot be written as ${chosen}`);
    }
  })();
  return withQualifier(text, figure.qualifier, lang);
}

/** The year of an ISO date, as a reader writes it: '2011-03-01' -> '2011' (Western digits in Hindi too). */
export function formatYear(iso: string): string {
  return String(Number(iso.slice(0, 4)));
}

/** Writes out ISO dates inside a text from the data: 'reply of 2025-02-04' -> 'reply of 4 February 2025'. */
export function formatDatesIn(text: string, lang: Lang): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso, lang));
}
