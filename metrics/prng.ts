/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 (Tommy Ettinger): a small, fast, seeded 32-bit generator; the same seed
 * always gives the same sequence, on every platform. Not for cryptography.
 *
 *   a ← a + 0x6D2B79F5 (mod 2³²); t = a
 *   t ← (t ⊕ t≫15) · (t | 1);  t ← t ⊕ (t + (t ⊕ t≫7) · (t | 61))
 *   u = (t ⊕ t≫14) / 2³²  ∈ [0, 1)
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A 32-bit seed from text (FNV-1a over UTF-16 code units), so a seed can be a word such
 * as a round code:
 *
 *   h = 0x811C9DC5;  for each unit c: h = (h ⊕ c) · 0x01000193 (mod 2³²)
 */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
