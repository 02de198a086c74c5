package io.rebalancer;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The launchers' options; every Beam and runner option is accepted beside them. */
public interface RebalanceOptions extends PipelineOptions {
  @Description("Pipeline configuration (YAML)")
  @Default.String("pipelines/daily-rebalance.yaml")
  String getConfig();

  void setConfig(String value);

  @Description("Run date, YYYY-MM-DD (default: the config's runDate:, else today)")
  String getRunDate();

  void setRunDate(String value);

  @Description("Folder for the trade orders and the warehouse")
  @Default.String("output")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("DuckDB warehouse file (default: <outputDir>/warehouse.duckdb)")
  String getWarehouse();

  void setWarehouse(String value);

  @Description("Hash buckets accounts and households are grouped in (default: 16 on the Direct"
      + " runner, 65536 elsewhere)")
  @Default.InstanceFactory(KeyBucketsFactory.class)
  int getKeyBuckets();

  void setKeyBuckets(int value);

  @Description("Level of the pipeline's own log lines: ERROR, WARN, INFO (a progress line per"
      + " stage) or DEBUG; libraries log WARN and above to the console. Every run also writes"
      + " <outputDir>/logs/<run id>.log")
  @Default.String("INFO")
  String getLogLevel();

  void setLogLevel(String value);

  @Description("Print stack traces of failures")
  @Default.Boolean(false)
  boolean getVerbose();

  void setVerbose(boolean value);

  /**
   * The Direct runner pays per group it hands on, so it gets a few large buckets (it holds the
   * book in memory anyway); Flink sorts and spills any number of groups, so it gets many small
   * ones, which keeps one group's memory small however large the book.
   */
  final class KeyBucketsFactory implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return options.getRunner().getSimpleName().equals("DirectRunner") ? 16 : 1 << 16;
    }
  }
}
