import { expect, test } from 'vitest';
import { chartFrame } from '../../../src/charts/common.ts';
import { CHARTS } from '../../../src/charts/index.ts';
import { oembed, snippets } from '../../../src/embed/embeds.ts';
import { t } from '../../../src/i18n/index.ts';
import { PREVIEW_URL } from '../../../src/site/address.ts';

const LANGS = ['hi', 'en'] as const;
const chart = CHARTS[0]!;

for (const lang of LANGS) {
  test(`${lang}: a preview's PNG says it is a preview beside its local address; a published one shows the address alone`, () => {
    expect(chartFrame(chart, lang, 800, PREVIEW_URL).address).toBe(t(lang, 'preview.png', { address: `127.0.0.1:4321/${lang}/` }));
    expect(chartFrame(chart, lang, 800, 'https://report.example').address).toBe(`report.example/${lang}/`);
  });

  test(`${lang}: a preview's embed codes say, where they are pasted, that their address works nowhere else`, () => {
    const mark = `<!-- ${t(lang, 'preview.code')} -->\n`;
    const preview = snippets(chart, lang, 'overview', PREVIEW_URL);
    for (const code of Object.values(preview)) expect(code.startsWith(mark)).toBe(true);
    const published = snippets(chart, lang, 'overview', 'https://report.example');
    for (const code of Object.values(published)) expect(code).not.toContain('<!--');
    expect(published.responsive).toContain('src="https://report.example/embed.js"');
  });

  test(`${lang}: the oEmbed response is a rich one with the responsive code and the PNG as thumbnail`, () => {
    const response = oembed(chart, lang, 'overview', 'https://report.example');
    expect(response).toMatchObject({
      type: 'rich',
      version: '1.0',
      title: chart.title(lang),
      provider_name: t(lang, 'site.title'),
      provider_url: `https://report.example/${lang}/`,
      html: snippets(chart, lang, 'overview', 'https://report.example').responsive,
      thumbnail_url: `https://report.example/${lang}/charts/${chart.id}.png`,
    });
    for (const key of ['width', 'height', 'thumbnail_width', 'thumbnail_height'] as const) {
      expect(Number.isInteger(response[key]) && (response[key] as number) > 0, key).toBe(true);
    }
  });
}
