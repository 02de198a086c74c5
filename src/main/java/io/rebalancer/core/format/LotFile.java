package io.rebalancer.core.format;

import io.rebalancer.core.InputException;
import io.rebalancer.core.Lot;
import io.rebalancer.core.StoredNumbers;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * lots.csv, the tax lots an advisor keeps: brokerage_id, account_id, symbol, lot_id, open_date,
 * quantity, cost_basis (columns by name, any order). Every bad value stops the run with one line
 * naming the file, line and column and what to write. A lot_id used twice for one account and
 * symbol is found where the account's lots meet ({@code AccountLots}): the file is streamed,
 * never held, since a book's lots can run to millions of lines.
 */
public final class LotFile {
  public static final List<String> COLUMNS = List.of("brokerage_id", "account_id", "symbol",
      "lot_id", "open_date", "quantity", "cost_basis");

  private LotFile() {}

  /** Every lot of the file, in file order. */
  public static List<Lot> lots(String file, Reader in, LocalDate runDate) {
    List<Lot> out = new ArrayList<>();
    lots(file, in, runDate, out::add);
    return out;
  }

  /** Streams the lots to each as they are read. */
  public static void lots(String file, Reader in, LocalDate runDate, Consumer<Lot> each) {
    ReferenceRows.read(file, in, COLUMNS, row -> each.accept(lot(row, runDate)));
  }

  private static Lot lot(ReferenceRows.Row row, LocalDate runDate) {
    String brokerage = required(row, "brokerage_id", "the account's brokerage, as in accounts.csv");
    String account = required(row, "account_id", "the account, as in accounts.csv");
    String symbol = required(row, "symbol", "the symbol the lot is of");
    String lotId = required(row, "lot_id", "an id unique among the account's lots of "
        + symbol);
    LocalDate open = openDate(row, runDate);
    BigDecimal quantity = number(row, "quantity", "the lot's shares, a number above 0");
    if (quantity.signum() <= 0) {
      throw columnError(row, "quantity", quantity.toPlainString() + " is not above 0",
          "the lot's shares, a number above 0");
    }
    BigDecimal basis = number(row, "cost_basis", "the lot's total cost, a number of 0 or more"
        + " (a lot of unknown cost is left out: what lots leave of a holding is of unknown basis)");
    if (basis.signum() < 0) {
      throw columnError(row, "cost_basis", basis.toPlainString() + " is negative",
          "the lot's total cost, a number of 0 or more");
    }
    return new Lot(brokerage, account, symbol, lotId, open, quantity, basis, row.file(),
        row.line());
  }

  private static String required(ReferenceRows.Row row, String column, String what) {
    String v = row.optionalText(column);
    if (v == null) {
      throw columnError(row, column, "is empty", what);
    }
    return v;
  }

  /** The open date, or null for an empty cell (unknown: the lot's term is unknown). */
  private static LocalDate openDate(ReferenceRows.Row row, LocalDate runDate) {
    String v = row.optionalText("open_date");
    if (v == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw columnError(row, "open_date", "'" + v + "' is not a date",
          "the day the lot was bought as YYYY-MM-DD, or nothing when it is unknown");
    }
    if (date.isAfter(runDate)) {
      throw columnError(row, "open_date", date + " is after the run date " + runDate,
          "the day the lot was bought, on or before the run date");
    }
    return date;
  }

  private static BigDecimal number(ReferenceRows.Row row, String column, String what) {
    String v = row.optionalText(column);
    if (v == null) {
      throw columnError(row, column, "is empty", what);
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw columnError(row, column, "'" + v + "' is not a number", what);
    }
    String unstorable = StoredNumbers.problem(column, d);
    if (unstorable != null) {
      throw row.error("column " + column + ": " + unstorable);
    }
    return d;
  }

  private static InputException columnError(ReferenceRows.Row row, String column,
      String problem, String what) {
    return row.error("column " + column + ": " + problem + ": write " + what);
  }
}
