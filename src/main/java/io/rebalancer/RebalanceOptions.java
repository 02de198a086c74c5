package io.rebalancer;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The launchers' options; every Beam and runner option is accepted beside them. */
public interface RebalanceOptions extends PipelineOptions {
  @Description("Pipeline configuration (YAML)")
  @Default.String("pipelines/daily-rebalance.yaml")
  String getConfig();

  void setConfig(String value);

  @Description("Run date, YYYY-MM-DD (default: today)")
  String getRunDate();

  void setRunDate(String value);

  @Description("Folder for the trade orders and the warehouse")
  @Default.String("output")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("DuckDB warehouse file (default: <outputDir>/warehouse.duckdb)")
  String getWarehouse();

  void setWarehouse(String value);

  @Description("Hash buckets accounts and households are grouped in (more for big clusters)")
  @Default.Integer(16)
  int getKeyBuckets();

  void setKeyBuckets(int value);

  @Description("Print stack traces of failures")
  @Default.Boolean(false)
  boolean getVerbose();

  void setVerbose(boolean value);
}
