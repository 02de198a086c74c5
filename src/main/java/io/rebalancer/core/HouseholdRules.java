package io.rebalancer.core;

/**
 * One line of households.csv: how one household is rebalanced, overriding `rebalance.mode` and
 * `rebalance.tradeTo`.
 *
 * @param mode null: the config's
 * @param tradeTo null: the config's
 */
public record HouseholdRules(String householdId, RebalanceMode mode, TradeTo tradeTo) {}
