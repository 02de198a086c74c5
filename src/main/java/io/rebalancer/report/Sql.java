package io.rebalancer.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the report's queries need: a list of typed rows, or a stream of them. */
final class Sql {
  private Sql() {}

  /** Makes one typed row of the result set's current row. */
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Takes each typed row in turn, so that a large result is never held whole. */
  interface Sink<T> {
    void accept(T row) throws java.io.IOException;
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(row.map(rs));
      }
    }
    return rows;
  }

  static <T> void forEach(Connection c, String sql, Row<T> row, Sink<T> sink, Object... params)
      throws SQLException, java.io.IOException {
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sink.accept(row.map(rs));
      }
    }
  }

  static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  /** A DECIMAL column read exactly; null stays null. */
  static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column);
  }

  /** A nullable DOUBLE column. */
  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** A nullable BIGINT column. */
  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
