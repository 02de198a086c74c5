package io.rebalancer.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One lot (or part of one) that a sell order takes: a row of `realized_gains`. Money is at cents,
 * rounded half-even once: cost basis pro rata to the shares sold, proceeds = shares * trading
 * price; gain = proceeds - cost basis exactly, so the warehouse check holds to the cent.
 *
 * @param lotId the lot's id; empty for the unknown-basis remainder
 * @param costBasis null when the basis is unknown, and then gain is null too
 * @param washSaleRisk sold at a loss, and some account of the household opened a lot of the
 *     symbol in the 30 days before the run date
 */
public record RealizedGain(String householdId, String brokerageId, String accountId,
    AccountType accountType, String symbol, String lotId, LocalDate openDate,
    BigDecimal quantity, BigDecimal costBasis, BigDecimal proceeds, BigDecimal gain, LotTerm term,
    boolean washSaleRisk) {

  /** The id of the sell order this lot was sold by (see {@link TradeOrder#orderId}). */
  public String orderId(LocalDate runDate) {
    return TradeOrder.idOf(runDate, householdId, brokerageId, accountId, symbol, Side.SELL);
  }

  /** Whether the gain is taxed now: a sale in a taxable account. */
  public boolean taxable() {
    return accountType == AccountType.TAXABLE;
  }
}
