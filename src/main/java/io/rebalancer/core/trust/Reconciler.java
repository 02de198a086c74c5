package io.rebalancer.core.trust;

import io.rebalancer.core.Holding;
import io.rebalancer.core.format.StatedTotal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciles one file's accounts with the totals the file states, as the holdings go by: it keeps a
 * running sum per account (of all holdings and of non-cash ones), never the holdings. Holdings are
 * valued at quantity × price after pricing, as the pipeline values them, so a row the pipeline
 * would value wrongly cannot pass by the export's own market-value column.
 */
public final class Reconciler {
  private final String sourceId;
  private final String brokerageId;
  private final String uri;
  private final Map<String, BigDecimal[]> sums = new HashMap<>();
  private final List<StatedTotal> totals = new ArrayList<>();

  public Reconciler(String sourceId, String brokerageId, String uri) {
    this.sourceId = sourceId;
    this.brokerageId = brokerageId;
    this.uri = uri;
  }

  public void add(Holding priced) {
    BigDecimal[] s = sums.computeIfAbsent(priced.accountId(),
        a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    BigDecimal value = priced.marketValue();
    s[0] = s[0].add(value);
    if (!priced.cash()) {
      s[1] = s[1].add(value);
    }
  }

  public void stated(StatedTotal total) {
    totals.add(total);
  }

  /** Every stated total against its account's holdings, in the order the file states them. */
  public List<Reconciliation> compare(BigDecimal tolerance) {
    List<Reconciliation> out = new ArrayList<>();
    for (StatedTotal t : totals) {
      BigDecimal[] s = sums.get(t.accountId());
      BigDecimal parsed = s == null ? BigDecimal.ZERO : s[t.includesCash() ? 0 : 1];
      boolean within = parsed.subtract(t.amount()).abs().compareTo(tolerance) <= 0;
      out.add(new Reconciliation(sourceId, uri, brokerageId, t.accountId(), t.label(),
          t.lineNumber(), t.includesCash(), t.amount(), parsed, within));
    }
    return out;
  }
}
