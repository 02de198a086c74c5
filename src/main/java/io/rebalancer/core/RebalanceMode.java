package io.rebalancer.core;

import java.util.Optional;

/** `rebalance.mode`: trade out-of-band symbols both ways, or only invest cash. */
public enum RebalanceMode {
  /** SPEC "Rebalancing, per household": bands gate, sells and buys. */
  BANDS("bands"),
  /** Invest cash toward the model's deficits; nothing is sold, bands do not gate. */
  BUY_ONLY("buy-only");

  private final String label;

  RebalanceMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<RebalanceMode> parse(String label) {
    return Labels.parse(values(), RebalanceMode::label, label);
  }

  public static String labels() {
    return Labels.of(values(), RebalanceMode::label);
  }
}
