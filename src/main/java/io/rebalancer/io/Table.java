package io.rebalancer.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A warehouse table, defined once: each column's name, DuckDB type and how its cell is made from
 * the domain value {@code T}. The DDL, the staged row and the read-back by column name all derive
 * from it. {@code key} identifies a row (within a run date for per-run tables; checked unique
 * before commit), {@code required} must not be NULL (but where {@link Builder#nullWhere} says).
 */
public final class Table<T> {
  /**
   * One column. A staged column renders its cell from the domain value (null for SQL NULL); a
   * derived column is not staged but computed by DuckDB on load from the staged columns.
   */
  public record Column<T>(String name, String type, Function<? super T, String> render,
      String derivedSql) {
    public boolean staged() {
      return render != null;
    }
  }

  /** How a run writes the table: replace its run date's rows, or upsert rows by their key. */
  public enum Load { PER_RUN_DATE, UPSERT, NONE }

  private final String name;
  private final List<Column<T>> columns;
  private final List<String> key;
  private final List<String> required;
  private final Map<String, String> nullWhere;
  private final Load load;
  private final Map<String, Integer> stagedIndex;

  private Table(String name, List<Column<T>> columns, List<String> key, List<String> required,
      Map<String, String> nullWhere, Load load) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.key = List.copyOf(key);
    this.required = List.copyOf(required);
    this.nullWhere = Map.copyOf(nullWhere);
    this.load = load;
    List<Column<T>> staged = stagedColumns();
    this.stagedIndex = staged.stream().collect(Collectors.toMap(Column::name, staged::indexOf));
  }

  public static <T> Builder<T> named(String name) {
    return new Builder<>(name);
  }

  public String name() {
    return name;
  }

  public List<Column<T>> columns() {
    return columns;
  }

  /** The columns a staged row holds, in its cell order. */
  public List<Column<T>> stagedColumns() {
    return columns.stream().filter(Column::staged).toList();
  }

  public List<String> key() {
    return key;
  }

  public List<String> required() {
    return required;
  }

  /**
   * The SQL condition under which a required column's row may hold NULL (a condition on the row,
   * which may name this table's columns as {@code table.column}); null when it never may.
   */
  public String nullAllowedWhere(String column) {
    return nullWhere.get(column);
  }

  public Load load() {
    return load;
  }

  public String columnList() {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }

  public String ddl() {
    // A table upserted across runs has no run date to check: its constraints hold it instead.
    boolean constrained = load == Load.UPSERT;
    String body = columns.stream().map(c -> c.name() + " " + c.type()
            + (constrained && required.contains(c.name()) ? " NOT NULL" : ""))
        .collect(Collectors.joining(", "));
    if (constrained) {
      body += ", PRIMARY KEY (" + String.join(", ", key) + ")";
    }
    return "CREATE TABLE IF NOT EXISTS " + name + " (" + body + ")";
  }

  /** The staged row of one domain value. */
  public WarehouseRow row(T value) {
    List<String> cells = new ArrayList<>(stagedIndex.size());
    for (Column<T> c : columns) {
      if (c.staged()) {
        cells.add(c.render().apply(value));
      }
    }
    return new WarehouseRow(name, cells);
  }

  /** A staged row read back, its cells looked up by column name. */
  public Staged read(List<String> cells) {
    if (cells.size() != stagedIndex.size()) {
      throw new IllegalStateException("a staged " + name + " row has " + cells.size()
          + " cells, not " + stagedIndex.size());
    }
    return new Staged(cells);
  }

  /** One staged row of this table. */
  public final class Staged {
    private final List<String> cells;

    private Staged(List<String> cells) {
      this.cells = cells;
    }

    public String get(String column) {
      Integer i = stagedIndex.get(column);
      if (i == null) {
        throw new IllegalArgumentException("table " + name + " stages no column " + column);
      }
      return cells.get(i);
    }

    /** The cells in staged column order. */
    public List<String> cells() {
      return cells;
    }

    public long getLong(String column) {
      return Long.parseLong(get(column));
    }
  }

  /** Builds a table column by column, in column order. */
  public static final class Builder<T> {
    private final String name;
    private final List<Column<T>> columns = new ArrayList<>();
    private final List<String> required = new ArrayList<>();
    private final Map<String, String> nullWhere = new HashMap<>();
    private List<String> key = List.of();
    private Load load = Load.PER_RUN_DATE;

    private Builder(String name) {
      this.name = name;
    }

    public Builder<T> column(String column, String type, Function<? super T, String> render) {
      columns.add(new Column<>(column, type, render, null));
      return this;
    }

    /** A column of a required value (checked not NULL before commit). */
    public Builder<T> required(String column, String type, Function<? super T, String> render) {
      required.add(column);
      return column(column, type, render);
    }

    /**
     * Lets a required column be NULL in the rows that meet an SQL condition: a value the domain
     * does not have for them (an allocation's target on a class model) rather than a missing one.
     */
    public Builder<T> nullWhere(String column, String sqlCondition) {
      if (!required.contains(column)) {
        throw new IllegalArgumentException(column + " of " + name + " is not required");
      }
      nullWhere.put(column, sqlCondition);
      return this;
    }

    /** A column DuckDB computes on load from the staged ones (an SQL expression over them). */
    public Builder<T> derived(String column, String type, String sql) {
      columns.add(new Column<>(column, type, null, sql));
      return this;
    }

    public Builder<T> key(String... columns) {
      this.key = List.of(columns);
      return this;
    }

    public Builder<T> load(Load how) {
      this.load = how;
      return this;
    }

    public Table<T> build() {
      List<String> req = new ArrayList<>(key);
      required.stream().filter(c -> !req.contains(c)).forEach(req::add);
      return new Table<>(name, columns, key, req, nullWhere, load);
    }
  }
}
