package io.rebalancer.config;

import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.format.ExportFormat;
import io.rebalancer.core.format.ExportFormats;
import io.rebalancer.core.format.FormatSpec;
import io.rebalancer.core.trust.ValidationRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A validated pipeline configuration (`pipelines/*.yaml`), immutable. Paths are absolute.
 *
 * @param accounts accounts.csv, or null: every account in one household on the default model
 * @param runDate the run date the config pins (`runDate:`), or null: the launcher's --runDate or
 *     today
 * @param prices the price history, or null: no risk figures, trades priced from the holdings
 * @param securities the security master (securities.csv), or null: the exports' asset classes
 * @param households households.csv, or null: every household on `rebalance.mode` and `tradeTo`
 * @param classModels the asset-class models, or null: models.csv's models only
 */
public record PipelineConfig(String name, String file, LocalDate runDate,
    List<SourceConfig> sources, String accounts, String models, String prices, String securities,
    String households, String classModels, String lots, RebalanceRules rebalance,
    int tradeOrderShards, ValidationRules validation, Map<String, FormatSpec> formats) {

  public PipelineConfig {
    sources = List.copyOf(sources);
    formats = Map.copyOf(formats);
  }

  /** A config without a security master, households file or class models. */
  public PipelineConfig(String name, String file, LocalDate runDate, List<SourceConfig> sources,
      String accounts, String models, String prices, RebalanceRules rebalance,
      int tradeOrderShards, ValidationRules validation, Map<String, FormatSpec> formats) {
    this(name, file, runDate, sources, accounts, models, prices, null, null, null, null,
        rebalance, tradeOrderShards, validation, formats);
  }

  public long maxRejectedRows() {
    return validation.maxRejectedRows();
  }

  /** A source's layout: a built-in one, or one described under `formats:`. */
  public ExportFormat formatOf(SourceConfig source) {
    return ExportFormats.resolve(source.format(), formats);
  }
}
