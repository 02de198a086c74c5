package io.rebalancer.io;

import java.util.List;

/**
 * A warehouse table: its name, its columns with their DuckDB types, and the columns that identify a
 * row within a run date (checked unique before commit).
 */
public record Table(String name, List<Column> columns, List<String> key, List<String> required) {
  public record Column(String name, String type) {}

  public String columnList() {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }

  public String ddl() {
    return "CREATE TABLE IF NOT EXISTS " + name + " ("
        + String.join(", ", columns.stream().map(c -> c.name() + " " + c.type()).toList()) + ")";
  }
}
