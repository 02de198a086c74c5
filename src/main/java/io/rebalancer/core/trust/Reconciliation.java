package io.rebalancer.core.trust;

import java.math.BigDecimal;

/**
 * One comparison of an account's holdings in a file with the total the file states for it.
 *
 * @param parsed the sum of the account's holdings read from the file, at quantity × price
 * @param stated the total the export prints
 */
public record Reconciliation(String sourceId, String sourceUri, String brokerageId,
    String accountId, String label, long lineNumber, boolean includesCash, BigDecimal stated,
    BigDecimal parsed, boolean withinTolerance) {

  public BigDecimal difference() {
    return parsed.subtract(stated);
  }

  /** The run's error line when this comparison failed, or null. */
  public InputProblem problem(BigDecimal tolerance, boolean fileHadRejectedRows) {
    if (withinTolerance) {
      return null;
    }
    return new InputProblem(InputProblem.Kind.UNRECONCILED_TOTAL,
        sourceUri + "\t" + lineNumber, "source " + sourceId + ": " + sourceUri + ": account "
        + accountId + "'s " + (includesCash ? "holdings" : "positions") + " add up to "
        + parsed.toPlainString() + ", but the export states " + stated.toPlainString()
        + " (line " + lineNumber + ", " + label + "): a difference of "
        + difference().toPlainString() + ", more than validation.totalTolerance "
        + tolerance.toPlainString()
        + (fileHadRejectedRows ? "; some of the file's rows were rejected" : "")
        + ": check the export is whole and unedited");
  }
}
