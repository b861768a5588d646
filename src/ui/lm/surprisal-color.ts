import * as d3 from "d3";

/** Bits per byte → colour, GLTR-style: predictable text pale green, surprising text deep red. */
export const surprisalColor = d3.scaleSequential(d3.interpolateRdYlGn).domain([10, 0]).clamp(true);

/** The legend's stops (bits per byte). */
export const SURPRISAL_STOPS = [0, 1, 2, 4, 6, 8, 10];

/**
 * Colour steps per bit of the scored text's classes: with quarter bits a character's colour is at most 9/255 per
 * channel from the continuous scale's (checked in the test).
 */
const LEVELS_PER_BIT = 4;
const MAX_BITS = 10;

/** The colour class of a character's bits: `sl-0` (0 bits) … `sl-40` (10 bits or more). */
export function surprisalLevelClass(bits: number): string {
  const clamped = Math.min(MAX_BITS, Math.max(0, Number.isFinite(bits) ? bits : MAX_BITS));
  return `sl-${Math.round(clamped * LEVELS_PER_BIT)}`;
}

/**
 * The rules behind {@link surprisalLevelClass}, one per level, generated from {@link surprisalColor} (numbers only,
 * no user input). A character then costs the browser a class name, not an inline colour to parse: the scored
 * text is a span per character.
 */
export function surprisalLevelRules(): string {
  const rules: string[] = [];
  for (let level = 0; level <= MAX_BITS * LEVELS_PER_BIT; level++)
    rules.push(`.sl-${level}{background:${surprisalColor(level / LEVELS_PER_BIT)}}`);
  return rules.join("\n");
}
