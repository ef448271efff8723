import en from './en.json' with { type: 'json' };
import hi from './hi.json' with { type: 'json' };
import type { Lang } from '../format/format.ts';

export type { Lang };
/** The report's languages, Hindi first: the order of links, routes and the root page. */
export const LANGS = ['hi', 'en'] as const satisfies readonly Lang[];

/** A key of the UI strings; both language files have exactly the same keys (a unit test holds this). */
export type UiKey = keyof typeof en;
const STRINGS: Record<Lang, Record<UiKey, string>> = { en, hi };

/** The keys one language file has and the other lacks, as the lines a failed build prints. */
export function unmatchedKeys(files: Record<Lang, Record<string, string>>): string[] {
  const missing = (from: Lang, to: Lang) =>
    Object.keys(files[from]).filter((key) => !(key in files[to])).map((key) => `"${key}" is in ${from}.json but not in ${to}.json`);
  return [...missing('en', 'hi'), ...missing('hi', 'en')];
}

// A key in one language file and not the other stops the build here, before any page is written.
const unmatched = unmatchedKeys(STRINGS);
if (unmatched.length > 0) throw new Error(`Missing translations:\n${unmatched.join('\n')}`);

/** A UI string in `lang`, with `{name}` placeholders filled: t('hi', 'report.byline', { date }). */
export function t(lang: Lang, key: UiKey, values: Record<string, string> = {}): string {
  const text = STRINGS[lang][key];
  if (text === undefined) throw new Error(`Missing translation: "${key}" in ${lang}.json`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`t(): no value for {${name}} in "${key}"`);
    return value;
  });
}

/** The other language: the target of the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'hi' ? 'en' : 'hi';
}

/** Reads the language from a path such as '/hi/embed/states-total/'. */
export function langFromPath(pathname: string): Lang {
  const first = pathname.split('/').filter(Boolean)[0];
  if (first === 'hi' || first === 'en') return first;
  throw new Error(`No language in the path ${pathname}`);
}

/** Whether a string is one of the report's languages. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
