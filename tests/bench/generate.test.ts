/**
 * The benchmark's map generator (bench/generate.ts) gives valid, deterministic maps of the
 * asked size and shape: what the benchmark measures is a map a user could have made.
 */
import { describe, expect, it } from 'vitest';
import { benchMapId, generateBenchMap } from '../../bench/generate';
import { mapViolations } from '../../src/model/invariants';
import { LANE_KINDS, JourneyMapSchema } from '../../src/model/schema';

describe('generateBenchMap', () => {
  it.each([100, 500, 1000])('makes a valid map of %i cards', (n) => {
    const map = generateBenchMap({ cards: n });
    expect(map.cards).toHaveLength(n);
    expect(map.id).toBe(benchMapId(n));
    // Parsing changes nothing: every default is already filled in.
    expect(JourneyMapSchema.parse(map)).toEqual(map);
    expect(mapViolations(map)).toEqual([]);
    expect(map.stages.length).toBeGreaterThanOrEqual(10);
    expect(map.stages.length).toBeLessThanOrEqual(20);
    expect(map.lanes).toHaveLength(8);
    expect(new Set(map.lanes.map((l) => l.kind))).toEqual(new Set(LANE_KINDS));
    expect(map.connections).toHaveLength(n / 10);
    // An emotion curve in every stage, and cards of every kind.
    const emotionStages = new Set(map.cards.filter((c) => c.kind === 'emotion').map((c) => c.stageId));
    expect(emotionStages.size).toBe(map.stages.length);
    expect(new Set(map.cards.map((c) => c.kind))).toEqual(new Set(LANE_KINDS));
  });

  it('is deterministic, and the seed changes the map', () => {
    expect(generateBenchMap({ cards: 300 })).toEqual(generateBenchMap({ cards: 300 }));
    expect(generateBenchMap({ cards: 300, seed: 7 })).not.toEqual(generateBenchMap({ cards: 300 }));
  });

  it('writes in Thai, Persian, Vietnamese and English', () => {
    const text = generateBenchMap({ cards: 200 }).cards.map((c) => c.text).join(' ');
    expect(text).toMatch(/[\u0E00-\u0E7F]/); // Thai
    expect(text).toMatch(/[\u0600-\u06FF]/); // Persian
    expect(text).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/); // Vietnamese
    expect(text).toMatch(/customer/i);
  });

  it('refuses sizes too small for its shape', () => {
    expect(() => generateBenchMap({ cards: 10 })).toThrow(/at least 40/);
  });
});
