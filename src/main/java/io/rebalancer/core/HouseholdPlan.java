package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.List;

/** The outcome of rebalancing one household: its orders, what could not be placed, its allocation. */
public record HouseholdPlan(String householdId, String modelId, int accounts, BigDecimal totalValue,
    Status status, List<TradeOrder> orders, List<UnplacedTrade> unplaced,
    List<Allocation> allocations, List<RealizedGain> realizedGains) {

  public enum Status {
    /** Every symbol is within its drift bands: no trades. */
    WITHIN_TOLERANCE,
    /** Some symbol drifted out of band: trades computed. */
    REBALANCED,
    /** No positive total value to weigh against: nothing can be traded. */
    NO_VALUE
  }

  public HouseholdPlan {
    orders = List.copyOf(orders);
    unplaced = List.copyOf(unplaced);
    allocations = List.copyOf(allocations);
    realizedGains = List.copyOf(realizedGains);
  }

  /** A plan whose sells took no lot. */
  public HouseholdPlan(String householdId, String modelId, int accounts, BigDecimal totalValue,
      Status status, List<TradeOrder> orders, List<UnplacedTrade> unplaced,
      List<Allocation> allocations) {
    this(householdId, modelId, accounts, totalValue, status, orders, unplaced, allocations,
        List.of());
  }
}
