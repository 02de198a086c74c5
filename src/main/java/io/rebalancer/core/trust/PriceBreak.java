package io.rebalancer.core.trust;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A holding whose export price is far from the symbol's latest close: a wrong quote, a split, or a
 * different share class under one ticker. Recorded and shown, not a failure: the export's price is
 * what the brokerage values the position at.
 *
 * @param relativeDifference |export price − close| / close, to 6 significant digits, for reading
 */
public record PriceBreak(String sourceId, String sourceUri, long lineNumber, String brokerageId,
    String accountId, String symbol, BigDecimal exportPrice, BigDecimal close,
    LocalDate closeDate, BigDecimal relativeDifference) {}
