import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * The narrative: one MDX file per section and language, e.g. content/report/hi/02-what-it-is.mdx.
 * Files sort by name (01-, 02-, ...) to give the reading order.
 * `section` is the heading id both languages share, so a link or the language switch lands on the same section.
 */
const report = defineCollection({
  loader: glob({ pattern: '{hi,en}/*.mdx', base: './content/report' }),
  schema: z.object({
    section: z.string().regex(/^[a-z-]+$/),
    title: z.string(),
    // The short label in the table of contents, where the title is long.
    short: z.string().optional(),
  }),
});

export const collections = { report };

