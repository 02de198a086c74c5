package io.rebalancer.core.trust;

import java.util.Comparator;

/**
 * A reason the inputs cannot be traded on, found while they were read. A run with any fails, and
 * names the first in a fixed order (kind, then key), whichever worker found it first: the same
 * inputs give the same error line on every runner.
 *
 * @param key orders problems of one kind (file, account, symbol)
 */
public record InputProblem(Kind kind, String key, String message) {
  /** The kinds, in the order a run names them: the likeliest root cause first. */
  public enum Kind {
    /** An account in two files: yesterday's export left beside today's. */
    ACCOUNT_IN_TWO_FILES,
    /** An export dated after the run date or too long before it. */
    EXPORT_DATE,
    /** An account's holdings do not add up to the total its export states. */
    UNRECONCILED_TOTAL,
    /** An account's tax lots of a symbol add up to more than it holds of it. */
    LOTS_EXCEED_HOLDING,
    /** A held or model symbol whose latest close is too old. */
    STALE_PRICE,
  }

  public static final Comparator<InputProblem> ORDER = Comparator
      .comparing(InputProblem::kind).thenComparing(InputProblem::key)
      .thenComparing(InputProblem::message);
}
