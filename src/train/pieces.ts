/**
 * Pieces of the training schedule a teaching walkthrough may replace with the student's own
 * implementation (same signature as the library's); absent pieces are the library's.
 */
export interface SchedulePieces {
  /** η at update step t of the triangular cyclical schedule, as `cyclicalEta(t, etaMin, etaMax, nS)` */
  readonly cyclicalEta?: (t: number, etaMin: number, etaMax: number, nS: number) => number;
}
