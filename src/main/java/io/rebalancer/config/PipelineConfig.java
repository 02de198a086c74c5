package io.rebalancer.config;

import io.rebalancer.core.RebalanceRules;
import java.util.List;

/**
 * A validated pipeline configuration (`pipelines/*.yaml`), immutable. Paths are absolute.
 *
 * @param accounts accounts.csv, or null: every account in one household on the default model
 * @param prices the price history, or null: no risk figures, trades priced from the holdings
 */
public record PipelineConfig(String name, String file, List<SourceConfig> sources, String accounts,
    String models, String prices, RebalanceRules rebalance, int tradeOrderShards,
    long maxRejectedRows) {

  public PipelineConfig {
    sources = List.copyOf(sources);
  }
}
