package io.rebalancer.core.format;

import static io.rebalancer.core.format.ExportLines.cell;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fidelity's `Portfolio_Positions_Mmm-DD-YYYY.csv`, of any year: the header on the first line
 * (after a BOM, if any), one row per position of every account, then a footer of disclaimers.
 *
 * <p>Each row gets one verdict, decided in this order:
 * <ol>
 *   <li>blank: recognised; the first blank line after the header starts the footer;
 *   <li>before the header (a row with a Symbol column and a Quantity column, names matched by
 *       meaning and case: "Account number", "Last price", "Current value"): a row that looks like
 *       data (two or more cells, one a number) is rejected; anything else is a recognised title;
 *   <li>"Date downloaded ..." lines: recognised footer;
 *   <li>a line whose only cell is text (a quoted disclaimer paragraph, however many lines it
 *       spans): recognised disclaimer, wherever it is;
 *   <li>in the footer, a row that does not look like data: recognised disclaimer (an unquoted
 *       paragraph split at its commas); a row that does is read as a position, never skipped;
 *   <li>a money-market row, symbol ending in "**" (SPAXX**, FCASH**, CORE**): cash, symbol without
 *       the stars, amount = Current Value (Quantity when the layout has no value column);
 *   <li>"Pending Activity" in the symbol cell: cash with symbol PENDING, amount = Current Value,
 *       possibly negative (unsettled debits);
 *   <li>anything else is a position: a holding, or rejected with the reason.
 * </ol>
 *
 * <p>Account id: the Account Number cell (older files: "Account Name/Number"), else the source's
 * `account:`. Asset class: UNCLASSIFIED, as Fidelity exports none (its Type column is Cash or
 * Margin, the kind of lot). The same symbol twice in one account (Cash and Margin lots) is two
 * holdings. Data rows carry one more, empty, field than the header; it is ignored.
 *
 * <p>As of: the "Date downloaded 07/30/2021 2:26 PM ET" line (or "Jul-30-2021"), wherever it is;
 * one whose date cannot be read stops the run. The file states no total per account.
 *
 * <p>Tax lots: a position's Cost Basis Total is one lot of unknown open date for its quantity
 * (empty or "--": none); a cell that is not a number rejects the row.
 */
public final class FidelityPositionsFormat implements ExportFormat {
  public static final String NAME = "fidelity-positions";
  public static final String PENDING = "PENDING";

  private static final Pattern DATE_DOWNLOADED =
      Pattern.compile("(?is)\\s*date\\s+downloaded\\b(.*)");
  /** What follows "Date downloaded": "07/30/2021 2:26 PM ET", "Mar-03-2025 10:14 a.m ET". */
  private static final Pattern DOWNLOADED = Pattern.compile("\\s*:?\\s*(?<date>[0-9A-Za-z]{1,9}"
      + "[/-]\\d{1,2}[/-]\\d{4})(?:\\s*,?\\s*(?<time>" + ExportDates.TIME + ")" + ExportDates.ZONE
      + ")?\\s*");
  private static final List<DateTimeFormatter> DATES =
      List.of(ExportDates.pattern("M/d/uuuu"), ExportDates.pattern("MMM-d-uuuu"));
  private static final Pattern MONEY_MARKET = Pattern.compile("(?s)\\s*(\\S.*?)\\*\\*+\\s*");
  private static final Pattern PENDING_ACTIVITY = Pattern.compile("(?i)\\s*pending\\s+activity\\s*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    Columns columns = null;
    boolean footer = false;
    boolean dated = false;
    for (ExportRow row : rows) {
      Matcher downloaded = DATE_DOWNLOADED.matcher(row.cell(0));
      if (!dated && downloaded.matches()) {
        sink.asOf(asOf(file, row, downloaded.group(1)));
        dated = true;
      }
      Columns header = row.isBlank() ? null : Columns.of(row);
      if (row.isBlank()) {
        footer = columns != null;
        sink.recognised(row, "blank");
      } else if (columns == null && header == null) {
        if (ExportLines.looksLikeData(row)) {
          sink.rejected(HoldingFields.reject(file, row,
              "data row before the header (no row with Symbol and Quantity columns above it)"));
        } else {
          sink.recognised(row, "title");
        }
      } else if (header != null) {
        columns = header;
        footer = false;
        sink.recognised(row, "header");
      } else if (downloaded.matches()) {
        sink.recognised(row, "footer");
      } else if (ExportLines.isLoneText(row) || (footer && !ExportLines.looksLikeData(row))) {
        sink.recognised(row, "disclaimer");
      } else {
        position(file, row, columns, sink);
      }
    }
  }

  private static AsOf asOf(SourceFile file, ExportRow row, String words) {
    Matcher m = DOWNLOADED.matcher(words);
    if (!m.matches()) {
      throw ExportDates.unreadable(file, row, row.cell(0));
    }
    return ExportDates.asOf(file, row, row.cell(0), m.group("date"), m.group("time"), DATES);
  }

  private static void position(SourceFile file, ExportRow row, Columns col, ParseSink sink) {
    String account = cell(row, col.account());
    String symbol = row.cell(col.symbol());
    String value = row.cell(col.value() >= 0 ? col.value() : col.quantity());
    Matcher moneyMarket = MONEY_MARKET.matcher(symbol);
    if (moneyMarket.matches()) {
      HoldingFields.emitCash(file, row, account, moneyMarket.group(1).trim(), value, sink);
    } else if (PENDING_ACTIVITY.matcher(symbol).matches()) {
      HoldingFields.emitCash(file, row, account, PENDING, value, sink);
    } else {
      // A bond's Last Price is per 100 of face value: valued at quantity × price it would be 100
      // times too large, and Fidelity states no account total to catch it.
      String mismatch = col.value() < 0 ? null
          : ValueCheck.problem(row.cell(col.quantity()), cell(row, col.price()), value);
      if (mismatch != null) {
        sink.rejected(HoldingFields.reject(file, row, mismatch));
        return;
      }
      HoldingFields.emit(file, row, new HoldingFields.Cells(account, symbol,
          row.cell(col.quantity()), cell(row, col.price()), ExportLines.UNCLASSIFIED, null,
          cell(row, col.costBasis())), sink);
    }
  }

  /** Where the columns are in one header row; null when the row is not a header. */
  private record Columns(int account, int symbol, int quantity, int price, int value,
      int costBasis) {
    static Columns of(ExportRow row) {
      HeaderColumns h = new HeaderColumns(row.cells());
      int symbol = h.find("Symbol", "Ticker");
      int quantity = h.find("Quantity", "Qty", "Shares");
      if (symbol < 0 || quantity < 0) {
        return null;
      }
      return new Columns(
          h.find("Account Number", "Account Name/Number", "Account #", "Account"),
          symbol, quantity,
          h.find("Last Price", "Price", "Last"),
          h.find("Current Value", "Market Value", "Value"),
          h.find("Cost Basis Total", "Cost Basis"));
    }
  }
}
