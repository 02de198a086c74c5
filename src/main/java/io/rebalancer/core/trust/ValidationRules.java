package io.rebalancer.core.trust;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The `validation:` config section: how far the inputs may be from what a rebalance can trust.
 *
 * @param maxRejectedRows more rejected input rows than this fails the run
 * @param maxExportAgeDays an export dated more calendar days than this before the run date fails
 * @param totalTolerance how far an account's holdings may be from the total its export states
 * @param maxPriceAgeDays a held or model symbol whose latest close is older than this fails
 * @param priceBreakTolerance an export price further than this (relative) from the latest close is
 *     a price break: recorded, not a failure
 */
public record ValidationRules(long maxRejectedRows, int maxExportAgeDays,
    BigDecimal totalTolerance, int maxPriceAgeDays, BigDecimal priceBreakTolerance)
    implements Serializable {

  public static ValidationRules defaults() {
    return new ValidationRules(0, 3, new BigDecimal("0.01"), 5, new BigDecimal("0.05"));
  }

  public ValidationRules withMaxRejectedRows(long max) {
    return new ValidationRules(max, maxExportAgeDays, totalTolerance, maxPriceAgeDays,
        priceBreakTolerance);
  }
}
