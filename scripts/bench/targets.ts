/** The benchmark's targets. Sizes are compressed bytes (judged on gzip -9, which every host serves). */
export const TARGETS = {
  buildSeconds: 60,
  pageBytes: 120_000,
  embedBytes: 40_000,
  embedBytesWithoutFonts: 25_000,
  lighthouseScore: 100,
  lcpMs: 1500,
} as const;
