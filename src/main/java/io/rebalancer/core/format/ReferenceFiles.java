package io.rebalancer.core.format;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Model;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.StoredNumbers;
import io.rebalancer.core.TargetWeight;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference files: accounts.csv, models.csv and prices.csv. Unlike exports they are ours, so a
 * bad line is not a dead letter but an error that stops the run, naming the file and line.
 */
public final class ReferenceFiles {
  private static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("1e-9");
  private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

  private ReferenceFiles() {}

  /** The accounts in file order; an account listed twice stops the run, naming its line. */
  public static List<AccountInfo> accounts(String file, Reader in) {
    Map<AccountKey, AccountInfo> out = new LinkedHashMap<>();
    accounts(file, in, (info, line) -> {
      if (out.put(info.key(), info) != null) {
        throw new InputException(file + ": line " + line + ": account " + info.key()
            + " is listed twice");
      }
    });
    return List.copyOf(out.values());
  }

  /** Where each account line goes as it is read, with its line number. */
  public interface AccountLines {
    void accept(AccountInfo info, long line);
  }

  /**
   * Streams the accounts to each, holding none: a book's accounts file can have millions of
   * lines. Repeated accounts are for the caller to find (the pipeline finds them when it joins).
   */
  public static void accounts(String file, Reader in, AccountLines each) {
    read(file, in, List.of("brokerage_id", "account_id", "household_id", "model_id"), row -> {
      AccountKey key = new AccountKey(row.text("brokerage_id"), row.text("account_id"));
      BigDecimal reserve = row.optionalDecimal("cash_reserve");
      if (reserve != null && reserve.signum() < 0) {
        throw row.error("cash_reserve must not be negative");
      }
      row.checkStored("cash_reserve", reserve);
      each.accept(new AccountInfo(key, row.text("household_id"), row.text("model_id"),
          reserve == null ? BigDecimal.ZERO : reserve), row.line());
    });
  }

  public static List<Model> models(String file, Reader in) {
    Map<String, Map<String, BigDecimal>> weights = new TreeMap<>();
    read(file, in, List.of("model_id", "symbol", "target_weight"), row -> {
      BigDecimal w = row.decimal("target_weight");
      if (w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
        throw row.error("target_weight must be between 0 and 1");
      }
      row.checkStored("target_weight", w);
      String symbol = row.text("symbol");
      if (weights.computeIfAbsent(row.text("model_id"), m -> new TreeMap<>()).put(symbol, w) != null) {
        throw row.error("model " + row.text("model_id") + " names " + symbol + " twice");
      }
    });
    List<Model> out = new ArrayList<>();
    weights.forEach((id, targets) -> {
      BigDecimal sum = targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.subtract(BigDecimal.ONE).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
        throw new InputException(file + ": model " + id + ": target weights sum to "
            + sum.toPlainString() + ", not 1");
      }
      List<TargetWeight> list = new ArrayList<>();
      targets.forEach((s, w) -> list.add(new TargetWeight(s, w)));
      out.add(new Model(id, list));
    });
    return out;
  }

  /** Every symbol's closes on or before the run date; later closes are not history yet. */
  public static List<PriceSeries> prices(String file, Reader in, LocalDate runDate) {
    Map<String, Map<LocalDate, BigDecimal>> closes = new HashMap<>();
    read(file, in, List.of("date", "symbol", "close"), row -> {
      LocalDate date = row.date("date");
      BigDecimal close = row.decimal("close");
      if (close.signum() <= 0) {
        throw row.error("close must be positive");
      }
      row.checkStored("close", close);
      String symbol = row.text("symbol");
      Map<LocalDate, BigDecimal> series = closes.computeIfAbsent(symbol, s -> new HashMap<>());
      if (series.put(date, close) != null) {
        throw row.error("two closes for " + symbol + " on " + date);
      }
    });
    List<PriceSeries> out = new ArrayList<>();
    closes.forEach((symbol, series) -> {
      List<PricePoint> points = new ArrayList<>();
      series.forEach((d, c) -> {
        if (!d.isAfter(runDate)) {
          points.add(new PricePoint(d, c));
        }
      });
      if (!points.isEmpty()) {
        out.add(new PriceSeries(symbol, points));
      }
    });
    return out;
  }

  private static void read(String file, Reader in, List<String> required, Consumer<Row> each) {
    try (CSVParser parser = CSVParser.parse(in, WITH_HEADER)) {
      for (String column : required) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new InputException(file + ": header has no " + column + " column (expected "
              + String.join(",", required) + ")");
        }
      }
      for (CSVRecord r : parser) {
        each.accept(new Row(file, r));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(file + ": cannot be read as CSV: " + e.getMessage(), e);
    }
  }

  /** One line of a reference file, its cells checked as they are asked for. */
  private record Row(String file, CSVRecord record) {
    InputException error(String problem) {
      return new InputException(file + ": line " + line() + ": " + problem);
    }

    long line() {
      return record.getParser().getCurrentLineNumber();
    }

    String text(String column) {
      String v = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
      if (v.isEmpty()) {
        throw error("missing " + column);
      }
      return v;
    }

    /** A value the warehouse could not store exactly stops the run here, not at the load. */
    void checkStored(String column, BigDecimal value) {
      String problem = value == null ? null : StoredNumbers.problem(column, value);
      if (problem != null) {
        throw error(problem);
      }
    }

    BigDecimal decimal(String column) {
      BigDecimal d = optionalDecimal(column);
      if (d == null) {
        throw error("missing " + column);
      }
      return d;
    }

    BigDecimal optionalDecimal(String column) {
      String v = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
      if (v.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(v);
      } catch (NumberFormatException e) {
        throw error(column + " '" + v + "' is not a number");
      }
    }

    LocalDate date(String column) {
      String v = text(column);
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw error(column + " '" + v + "' is not a date (YYYY-MM-DD)");
      }
    }
  }
}
