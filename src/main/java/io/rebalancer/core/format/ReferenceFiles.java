package io.rebalancer.core.format;

import static io.rebalancer.core.format.ReferenceRows.read;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.AccountType;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Model;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.TargetWeight;
import io.rebalancer.core.Trading;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference files: accounts.csv, models.csv and prices.csv (the security master, households
 * and class models have files of their own beside this one). Unlike exports they are ours, so a
 * bad line is not a dead letter but an error that stops the run, naming the file and line.
 */
public final class ReferenceFiles {
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
      // optional columns, an empty cell their default: a file of today reads as it did
      AccountType type = row.optionalLabel("account_type", AccountType::parse,
          AccountType.labels());
      Trading trading = row.optionalLabel("trading", Trading::parse, Trading.labels());
      each.accept(new AccountInfo(key, row.text("household_id"), row.text("model_id"),
          reserve == null ? BigDecimal.ZERO : reserve,
          type == null ? AccountType.TAXABLE : type, trading == null ? Trading.NORMAL : trading),
          row.line());
    });
  }

  public static List<Model> models(String file, Reader in) {
    Map<String, Map<String, BigDecimal>> weights = new TreeMap<>();
    read(file, in, List.of("model_id", "symbol", "target_weight"), row -> {
      BigDecimal w = row.targetWeight();
      String symbol = row.text("symbol");
      if (weights.computeIfAbsent(row.text("model_id"), m -> new TreeMap<>()).put(symbol, w) != null) {
        throw row.error("model " + row.text("model_id") + " names " + symbol + " twice");
      }
    });
    List<Model> out = new ArrayList<>();
    weights.forEach((id, targets) -> {
      ReferenceRows.checkWeightSum(file, id,
          targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
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
}
