package io.rebalancer.core;

import java.util.Optional;

/** `rebalance.tradeTo`: how far an out-of-band symbol is traded back. */
public enum TradeTo {
  /** All the way to its target weight. */
  TARGET("target"),
  /** Only to the nearest edge of its band: fewer, smaller trades. */
  BAND_EDGE("band-edge");

  private final String label;

  TradeTo(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<TradeTo> parse(String label) {
    return Labels.parse(values(), TradeTo::label, label);
  }

  public static String labels() {
    return Labels.of(values(), TradeTo::label);
  }
}
