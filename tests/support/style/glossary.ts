/**
 * The house glossary (content/style/glossary.json), read and checked once: the terms the report uses, the
 * variants it does not, the claims its sources do not support, and the Latin words a Hindi page may show.
 */
import { z } from 'astro/zod';
import data from '../../../content/style/glossary.json' with { type: 'json' };
import type { Glossary } from './check.ts';

const lang = z.enum(['hi', 'en']);
const glossarySchema = z.object({
  terms: z.array(
    z.object({
      concept: z.string().min(1),
      lang,
      use: z.string().min(1),
      firstUse: z.string().optional(),
      forbid: z.array(z.string().min(1)).min(1),
      note: z.string().optional(),
    }),
  ),
  claims: z.array(z.object({ lang, phrase: z.string().min(1), why: z.string().min(1) })),
  latin: z.object({ allow: z.array(z.string().min(1)) }),
});

/** The glossary; a malformed file stops whatever reads it, naming the broken field. */
export const glossary: Glossary = glossarySchema.parse(data);
