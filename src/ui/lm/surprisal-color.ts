import * as d3 from "d3";

/** Bits per byte → colour, GLTR-style: predictable text pale green, surprising text deep red. */
export const surprisalColor = d3.scaleSequential(d3.interpolateRdYlGn).domain([10, 0]).clamp(true);

/** The legend's stops (bits per byte). */
export const SURPRISAL_STOPS = [0, 1, 2, 4, 6, 8, 10];
