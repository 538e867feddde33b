import { describe, expect, it } from 'vitest';
import type { DilemmaContent } from './learning.content';
import { seedQuestions } from './seed-questions';

const dilemmas = seedQuestions.filter((q) => q.level === 'applies').map((q) => q.content as DilemmaContent);

describe('seeded dilemmas', () => {
  // Learners soon notice when the best answer is always the longest and stop reading; the distractors
  // carry reasons of their own so that length gives nothing away.
  for (const locale of ['nl', 'en'] as const) {
    it(`do not give the best option away by its length (${locale})`, () => {
      const bestIsLongest = dilemmas.filter((dilemma) => {
        const longest = Math.max(...dilemma.options.map((o) => o.text[locale].length));
        return dilemma.options.find((o) => o.best)!.text[locale].length === longest;
      });
      expect(dilemmas.length).toBeGreaterThanOrEqual(30);
      expect(bestIsLongest.length).toBeLessThanOrEqual(Math.floor(dilemmas.length / 3));
    });
  }

  it('have exactly one best option each', () => {
    for (const dilemma of dilemmas) expect(dilemma.options.filter((o) => o.best)).toHaveLength(1);
  });
});
