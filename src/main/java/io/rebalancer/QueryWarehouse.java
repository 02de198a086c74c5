package io.rebalancer;

import io.rebalancer.io.TradeOrderCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Runs one SQL query on a warehouse, read-only, and prints the result as CSV: a DuckDB client for
 * machines that have only Java (runners/query.sh).
 */
public final class QueryWarehouse {
  private QueryWarehouse() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: runners/query.sh WAREHOUSE_FILE \"SQL\"");
      System.exit(2);
    }
    System.exit(query(args[0], args[1], System.out, System.err));
  }

  static int query(String file, String sql, PrintStream out, PrintStream err) {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      CSVPrinter p = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
      ResultSetMetaData md = rs.getMetaData();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        header.add(md.getColumnLabel(i));
      }
      p.printRecord(header);
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof java.math.BigDecimal d ? TradeOrderCsv.plain(d) : v == null ? "" : v.toString());
        }
        p.printRecord(row);
      }
      p.flush();
      return 0;
    } catch (SQLException | IOException e) {
      String m = String.valueOf(e.getMessage());
      err.println("error: " + file + ": " + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m));
      return 1;
    }
  }
}
