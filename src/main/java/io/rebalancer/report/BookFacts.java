package io.rebalancer.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the report says of the book and its households, as the warehouse holds them. */
public final class BookFacts {
  private BookFacts() {}

  /** The whole book's totals for the run. */
  public record Totals(long households, long accounts, BigDecimal totalValue,
      long householdsOutOfBand, long sells, BigDecimal sellAmount, long buys,
      BigDecimal buyAmount, long unplaced, long rejected) {
    public long orders() {
      return sells + buys;
    }
  }

  /** One brokerage's orders. */
  public record BrokerageOrders(String brokerageId, long accounts, long sells,
      BigDecimal sellAmount, long buys, BigDecimal buyAmount) {}

  /**
   * A household in the index: worst first means out of band first, then by its largest drift of a
   * traded symbol (cash is never traded), then by id.
   *
   * @param rank 1 for the worst household of the book
   * @param symbolsOutOfBand its symbols out of band, or its classes on a class model
   * @param maxDrift the largest |weight - target| of its non-cash symbols (classes on a class
   *     model)
   */
  public record Household(long rank, String householdId, String modelId, long accounts,
      BigDecimal totalValue, long symbolsOutOfBand, double maxDrift, long orders,
      long unplaced) {
    public boolean outOfBand() {
      return symbolsOutOfBand > 0;
    }
  }

  /**
   * A symbol's household allocation, or an asset class's on a class model: now, the target and
   * after this run's orders.
   *
   * @param symbol the symbol, or the asset class of a class row
   * @param targetWeight null for a symbol of a household on a class model (its class has one)
   * @param drift null where targetWeight is
   */
  public record SymbolWeight(String householdId, String symbol, BigDecimal marketValue,
      double weight, Double targetWeight, Double drift, boolean outOfBand,
      Double postTradeWeight) {}

  /** A trade order as the orders file has it. */
  public record Order(String orderId, String householdId, String brokerageId, String accountId,
      String symbol, String side, BigDecimal quantity, BigDecimal price,
      BigDecimal estimatedAmount, BigDecimal currentWeight, BigDecimal targetWeight,
      String reason) {}

  /** A trade the rebalancer wanted and could not place. */
  public record Unplaced(String householdId, String symbol, String side, BigDecimal quantity,
      String reason) {}

  /**
   * A lot (or part of one) a sell took: a realized_gains row.
   *
   * @param lotId empty for the remainder of unknown basis
   * @param costBasis null, as gain, when the basis is unknown
   */
  public record Gain(String householdId, String brokerageId, String accountId,
      String accountType, String symbol, String lotId, LocalDate openDate, BigDecimal quantity,
      BigDecimal costBasis, BigDecimal proceeds, BigDecimal gain, String term,
      boolean washSaleRisk) {
    public boolean taxable() {
      return "taxable".equals(accountType);
    }
  }

  /** A household's estimated realised gain (household_realized_gains): taxable accounts only. */
  public record HouseholdGains(String householdId, BigDecimal shortTermGain,
      BigDecimal longTermGain, BigDecimal unknownTermGain, BigDecimal taxableGain,
      BigDecimal unknownBasisShares, long washSaleLots) {}

  /**
   * One household in full, for the detail section.
   *
   * @param classes its asset classes against their targets when it is on a class model; empty
   *     on a model of symbols
   * @param gains the lots its sells took, in order then selection order; empty when none was of
   *     known basis (the section then shows none)
   */
  public record HouseholdDetail(Household household, List<SymbolWeight> classes,
      List<SymbolWeight> allocations, List<Order> orders, List<Unplaced> unplaced,
      List<Gain> gains) {
    public HouseholdDetail {
      classes = List.copyOf(classes);
      allocations = List.copyOf(allocations);
      orders = List.copyOf(orders);
      unplaced = List.copyOf(unplaced);
      gains = List.copyOf(gains);
    }
  }
}
