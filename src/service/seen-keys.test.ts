import { describe, expect, it } from 'vitest';
import { GUESS_PAUSE_MS, SeenKeys } from './seen-keys.js';

describe('SeenKeys', () => {
  it('guesses a key new the first time it is seen only', () => {
    const keys = new SeenKeys();
    expect(keys.see('m1', 'disk', 0)).toBe(true);
    expect(keys.see('m1', 'disk', 1)).toBe(false);
    // The same key on another monitor is another alert.
    expect(keys.see('m2', 'disk', 2)).toBe(true);
  });

  it('stops guessing for a while after a wrong guess, still noting the keys it sees meanwhile', () => {
    const keys = new SeenKeys();
    keys.guessedWrong(1_000);
    expect(keys.see('m1', 'a', 1_000)).toBe(false);
    expect(keys.see('m1', 'b', 1_000 + GUESS_PAUSE_MS - 1)).toBe(false);
    expect(keys.see('m1', 'c', 1_000 + GUESS_PAUSE_MS)).toBe(true);
    // Seen during the pause, so not new afterwards either.
    expect(keys.see('m1', 'a', 1_000 + GUESS_PAUSE_MS)).toBe(false);
  });

  it('remembers which keys absorbed a repeat, until forgotten; a forgotten key is new again', () => {
    const keys = new SeenKeys();
    keys.see('m1', 'disk', 0);
    expect(keys.hasRepeated('m1', 'disk')).toBe(false);
    keys.repeated('m1', 'disk');
    expect(keys.hasRepeated('m1', 'disk')).toBe(true);
    expect(keys.see('m1', 'disk', 0)).toBe(false);
    // Seeing it again does not undo what it absorbed.
    expect(keys.hasRepeated('m1', 'disk')).toBe(true);
    keys.forget('m1', 'disk');
    expect(keys.hasRepeated('m1', 'disk')).toBe(false);
    expect(keys.see('m1', 'disk', 0)).toBe(true);
  });

  it('keeps at most its capacity, dropping the key seen longest ago', () => {
    const keys = new SeenKeys(2);
    keys.see('m', 'a', 0);
    keys.see('m', 'b', 0);
    keys.see('m', 'a', 0);
    keys.see('m', 'c', 0);
    expect(keys.see('m', 'a', 0)).toBe(false);
    expect(keys.see('m', 'b', 0)).toBe(true);
  });
});
