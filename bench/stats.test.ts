import { describe, expect, it } from 'vitest';
import { latency, percentile, prng, ratio } from './stats';

describe('the benchmark’s figures', () => {
  it('takes percentiles by nearest rank, always a measured value', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 99)).toBe(198);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sorts before it ranks, and reports the count and the worst', () => {
    expect(latency([5, 1, 3, 2, 4])).toEqual({ n: 5, p50: 3, p95: 5, p99: 5, max: 5 });
  });

  it('gives ratios to two places, none where nothing was measured', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(1, 0)).toBeNull();
  });

  it('repeats its random inputs for the same seed', () => {
    const a = prng(42);
    const b = prng(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
