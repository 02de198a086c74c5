package io.rebalancer.core;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the per-account analysis knows about one account: who it belongs to, its value and
 * concentration, its risk over the price history, and its positions by symbol (sorted).
 *
 * @param positionCount distinct non-cash symbols held
 * @param hhi sum of squared symbol weights in the invested value; null when nothing is invested
 * @param lots the account's known tax lots (lots.csv and the exports'), in file order; what they
 *     leave of a holding is a lot of unknown basis that the rebalancer adds when it sells
 */
public record AccountAnalysis(AccountKey key, String householdId, String modelId,
    BigDecimal cashReserve, BigDecimal totalValue, BigDecimal cashValue, BigDecimal investedValue,
    int positionCount, Double hhi, Double volatility, Double maxDrawdown, Integer riskScore,
    List<Position> positions, AccountType accountType, Trading trading, List<Lot> lots) {

  public AccountAnalysis {
    positions = List.copyOf(positions);
    lots = List.copyOf(lots);
  }

  /** An account without tax lots: each holding is one lot of unknown basis. */
  public AccountAnalysis(AccountKey key, String householdId, String modelId,
      BigDecimal cashReserve, BigDecimal totalValue, BigDecimal cashValue,
      BigDecimal investedValue, int positionCount, Double hhi, Double volatility,
      Double maxDrawdown, Integer riskScore, List<Position> positions, AccountType accountType,
      Trading trading) {
    this(key, householdId, modelId, cashReserve, totalValue, cashValue, investedValue,
        positionCount, hhi, volatility, maxDrawdown, riskScore, positions, accountType, trading,
        List.of());
  }

  /** A taxable account that trades normally. */
  public AccountAnalysis(AccountKey key, String householdId, String modelId,
      BigDecimal cashReserve, BigDecimal totalValue, BigDecimal cashValue,
      BigDecimal investedValue, int positionCount, Double hhi, Double volatility,
      Double maxDrawdown, Integer riskScore, List<Position> positions) {
    this(key, householdId, modelId, cashReserve, totalValue, cashValue, investedValue,
        positionCount, hhi, volatility, maxDrawdown, riskScore, positions, AccountType.TAXABLE,
        Trading.NORMAL);
  }

  /** What the account can spend on buys before its own sells: cash above its reserve. */
  public BigDecimal spendableCash() {
    return cashValue.subtract(cashReserve).max(BigDecimal.ZERO);
  }

  /** Market value by symbol, all cash as one CASH entry. */
  public SortedMap<String, BigDecimal> valuesBySymbol() {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    for (Position p : positions) {
      out.merge(p.cash() ? Holding.CASH : p.symbol(), p.marketValue(), BigDecimal::add);
    }
    return out;
  }

  /** Market value by asset class, all cash (of any asset class label) as one CASH entry. */
  public SortedMap<String, BigDecimal> valuesByAssetClass() {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    addValuesByAssetClass(out);
    return out;
  }

  /**
   * A household's market value by asset class: its accounts' values by asset class summed, so a
   * class held in two accounts is one entry and cash is one CASH entry, as in each account.
   */
  public static SortedMap<String, BigDecimal> valuesByAssetClass(
      Collection<AccountAnalysis> accounts) {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    accounts.forEach(a -> a.addValuesByAssetClass(out));
    return out;
  }

  private void addValuesByAssetClass(SortedMap<String, BigDecimal> out) {
    for (Position p : positions) {
      out.merge(p.cash() ? Holding.CASH : p.assetClass(), p.marketValue(), BigDecimal::add);
    }
  }

  /** Quantity by non-cash symbol, for valuing the holdings over the price history. */
  public SortedMap<String, BigDecimal> investedQuantities() {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    for (Position p : positions) {
      if (!p.cash()) {
        out.merge(p.symbol(), p.quantity(), BigDecimal::add);
      }
    }
    return out;
  }
}
