package io.rebalancer.core.format;

import io.rebalancer.core.Holding;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Lot;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Interactive Brokers' Activity Statement CSV: many sections in one file. Column 1 names the
 * section, column 2 the row kind (Header, Data, Total, SubTotal, Notes); each section has its own
 * header row, and may repeat it when its columns change. Only two sections hold holdings:
 * <ul>
 *   <li>Open Positions: each `Summary` Data row is a holding (quantity, Close Price, Asset Category
 *       as the asset class, Currency checked); its `Lot` rows detail a Summary and are recognised,
 *       never counted as holdings.
 *       Older statements have no DataDiscriminator column: then every Data row is a holding.
 *   <li>Cash Report: each `Ending Cash` Data row is the cash of one currency (Total): USD is a CASH
 *       holding, other currencies are rejected. The `Base Currency Summary` row re-counts the
 *       currencies in the base currency and is recognised, not added.
 * </ul>
 * Every other row (Statement, Account Information, Trades, Dividends, totals, notes) is recognised.
 * The account is "Account Information,Data,Account,U1234567" (or an Account column, or the
 * source's `account:`).
 *
 * <p>As of: the end of the statement period, "Statement,Data,Period,"November 20, 2026"" or
 * "November 1, 2026 - November 20, 2026"; IBKR states no time. A period that cannot be read stops
 * the run.
 *
 * <p>Stated total: per account, one {@value #POSITIONS_TOTAL} without cash, the sum of the Open
 * Positions Total rows (one per asset category and currency) whose currency is USD. Non-USD totals
 * are skipped: their positions are rejected rows, so no holdings could match them. So is the Total
 * row that follows another with no position between them: it restates the group above in the base
 * currency (a EUR total, then the same in USD). The Net Asset Value section's total is not
 * reported: it counts interest and dividend accruals, which are not holdings.
 *
 * <p>Tax lots: each `Lot` row below a Summary is a lot of that holding: its Quantity, its Cost
 * Basis, and its open date from the column whose header means it ({@link #OPEN_DATE_COLUMNS}:
 * IBKR writes "Open", "2023-07-07, 15:39:46"); without such a column, of unknown date. A Lot
 * row without a Cost Basis, or with a quantity of 0 or less (a short), is no lot; one whose
 * quantity, Cost Basis or date cannot be read is rejected (its holding stays). A Summary with a
 * Cost Basis and no Lot rows below it is one lot of unknown date.
 */
public final class IbkrActivityFormat implements ExportFormat {
  public static final String NAME = "ibkr-activity";

  private static final String OPEN_POSITIONS = "openpositions";
  private static final String CASH_REPORT = "cashreport";
  private static final String ACCOUNT_INFORMATION = "accountinformation";
  private static final String BASE_CURRENCY_SUMMARY = "Base Currency Summary";
  static final String POSITIONS_TOTAL = "Open Positions Total (USD)";
  private static final List<DateTimeFormatter> PERIOD_DATES =
      List.of(ExportDates.pattern("MMMM d, uuuu"), ExportDates.pattern("MMM d, uuuu"));
  private static final Set<String> KINDS = Set.of("header", "data", "total", "subtotal", "notes");
  /** The headers of a lot's open date, by meaning. */
  static final String[] OPEN_DATE_COLUMNS =
      {"Open", "Open Date", "Open Date/Time", "Date/Time", "Date Acquired"};
  private static final String LOT = "Open Positions lot (detail of its Summary row)";

  /** Column indexes in whole rows (section and kind included); -1 where the header has none. */
  private record Columns(int account, int discriminator, int assetCategory, int currency,
      int symbol, int quantity, int multiplier, int price, int value, int summary, int total,
      int costBasis, int openDate) {
    static Columns of(HeaderColumns h) {
      return new Columns(h.find("account"), h.find("data discriminator"),
          h.find("asset category", "asset class"), h.find("currency"), h.find("symbol"),
          h.find("quantity", "position"), h.find("mult", "multiplier"),
          h.find("close price", "close", "mark price"), h.find("value", "market value"),
          h.find("currency summary"), h.find("total"), h.find("cost basis"),
          h.find(OPEN_DATE_COLUMNS));
    }

    boolean isLot(ExportRow row) {
      return discriminator >= 0 && row.cell(discriminator).trim().equalsIgnoreCase("Lot");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void read(SourceFile file, Iterable<ExportRow> rows, ParseSink sink) {
    Statement statement = new Statement(file, sink, statementAccounts(rows));
    rows.forEach(statement::row);
    statement.endSummary();
    statement.statePositionsTotals();
  }

  /** The accounts the statement names in "Account Information,Data,Account,<id>" rows. */
  private static Set<String> statementAccounts(Iterable<ExportRow> rows) {
    Set<String> accounts = new LinkedHashSet<>();
    for (ExportRow row : rows) {
      if (section(row).equals(ACCOUNT_INFORMATION) && kind(row).equals("data")
          && HeaderColumns.normalize(row.cell(2)).equals("account") && !row.cell(3).isBlank()) {
        accounts.add(row.cell(3).trim());
      }
    }
    return accounts;
  }

  private static String section(ExportRow row) {
    return HeaderColumns.normalize(row.cell(0));
  }

  private static String kind(ExportRow row) {
    return row.cell(1).trim().toLowerCase(Locale.ROOT);
  }

  /** One statement's reading: the current header of each holding section. */
  private static final class Statement {
    private final SourceFile file;
    private final ParseSink sink;
    private final Set<String> accounts;
    private final Map<String, Columns> headers = new HashMap<>();
    /** Per account, its USD Open Positions totals summed so far; null once one is unreadable. */
    private final Map<String, StatedTotal> positionsTotals = new LinkedHashMap<>();
    /** A position row since the last Open Positions total: the next total is of a group. */
    private boolean positionsSinceTotal;
    /** The Summary holding the rows below may detail with Lot rows; null after any other row. */
    private Holding summary;
    /** That Summary's Cost Basis as one lot, stated once it is known no Lot row details it. */
    private Lot summaryLot;

    Statement(SourceFile file, ParseSink sink, Set<String> accounts) {
      this.file = file;
      this.sink = sink;
      this.accounts = accounts;
    }

    void row(ExportRow row) {
      String section = section(row);
      String kind = kind(row);
      String name = row.cell(0).trim();
      boolean holdingSection = section.equals(OPEN_POSITIONS) || section.equals(CASH_REPORT);
      if (!(section.equals(OPEN_POSITIONS) && kind.equals("data") && headers.containsKey(section)
          && headers.get(section).isLot(row))) {
        endSummary();
      }
      if (row.isBlank()) {
        sink.recognised(row, "blank");
      } else if (!holdingSection) {
        if (section.equals("statement") && kind.equals("data")
            && HeaderColumns.normalize(row.cell(2)).equals("period")) {
          sink.asOf(periodEnd(row));
        }
        sink.recognised(row, name + " " + kind);
      } else if (!KINDS.contains(kind)) {
        sink.rejected(HoldingFields.reject(file, row, "unknown row kind '" + row.cell(1).trim()
            + "' in " + name + " (expected Header, Data, Total, SubTotal or Notes)"));
      } else if (kind.equals("header")) {
        headers.put(section, columns(row, section));
        sink.recognised(row, name + " header");
      } else if (kind.equals("total") && section.equals(OPEN_POSITIONS)
          && headers.containsKey(section)) {
        positionsTotal(row, headers.get(section));
      } else if (!kind.equals("data")) {
        sink.recognised(row, name + " " + kind);
      } else if (!headers.containsKey(section)) {
        sink.rejected(HoldingFields.reject(file, row, name + " data row before its header"));
      } else if (section.equals(OPEN_POSITIONS)) {
        openPosition(row, headers.get(section));
      } else {
        cashReport(row, headers.get(section));
      }
    }

    private void openPosition(ExportRow row, Columns col) {
      positionsSinceTotal = true;
      if (col.discriminator() >= 0) {
        String discriminator = row.cell(col.discriminator()).trim();
        if (discriminator.equalsIgnoreCase("Lot")) {
          lot(row, col);
          return;
        } else if (!discriminator.equalsIgnoreCase("Summary")) {
          reject(row, "unknown DataDiscriminator '" + discriminator
              + "' (expected Summary or Lot)");
          return;
        }
      }
      String quantity = row.cell(col.quantity());
      String price = col.price() < 0 ? null : row.cell(col.price());
      String problem = multiplierProblem(col.multiplier() < 0 ? null : row.cell(col.multiplier()));
      if (problem == null && col.value() >= 0) {
        problem = ValueCheck.problem(quantity, price, row.cell(col.value()));
      }
      String account = account(row, col);
      if (problem != null) {
        reject(row, problem);
      } else if (account == null && accounts.size() > 1) {
        reject(row, severalAccounts());
      } else {
        HoldingFields.Emitted emitted = HoldingFields.emitHolding(file, row,
            new HoldingFields.Cells(account, row.cell(col.symbol()), quantity, price,
                col.assetCategory() < 0 ? HoldingFields.UNCLASSIFIED
                    : row.cell(col.assetCategory()),
                col.currency() < 0 ? null : row.cell(col.currency()),
                col.costBasis() < 0 ? null : row.cell(col.costBasis())), sink);
        if (emitted != null) {
          summary = emitted.holding();
          summaryLot = emitted.costBasisLot();
        }
      }
    }

    /** The Summary above is done with: its own lot stands when no Lot row detailed it. */
    void endSummary() {
      if (summaryLot != null) {
        sink.lot(summaryLot); // still right after its holding, as the sink expects
      }
      summary = null;
      summaryLot = null;
    }

    /**
     * A Lot row: recognised, never a holding; a lot of the Summary above (same account and
     * symbol), which then stands for its Summary's Cost Basis.
     */
    private void lot(ExportRow row, Columns col) {
      String account = account(row, col);
      account = account == null ? file.account() : account;
      if (summary == null || !summary.symbol().equals(row.cell(col.symbol()).trim())
          || !summary.accountId().equals(account)) {
        sink.recognised(row, LOT); // it details no holding read here
        return;
      }
      summaryLot = null;
      Lot lot;
      try {
        lot = ExportLots.ofLotRow(file, row, summary, row.cell(col.quantity()),
            col.costBasis() < 0 ? null : row.cell(col.costBasis()),
            col.openDate() < 0 ? null : row.cell(col.openDate()));
      } catch (NumberFormatException e) {
        reject(row, "lot of " + summary.symbol() + ": " + e.getMessage()
            + " (the holding is kept; this lot is not)");
        return;
      }
      if (lot != null) {
        sink.lot(lot);
      }
      sink.recognised(row, LOT);
    }

    /** The statement period's end: the date, or the second of "date - date". */
    private AsOf periodEnd(ExportRow row) {
      String period = row.cell(3);
      String[] ends = period.split("\\s+-\\s+");
      if (ends.length > 2) {
        throw ExportDates.unreadable(file, row, period);
      }
      if (ends.length == 2) {
        ExportDates.asOf(file, row, period, ends[0], null, PERIOD_DATES); // the start must read too
      }
      return ExportDates.asOf(file, row, period, ends[ends.length - 1], null, PERIOD_DATES);
    }

    /** An Open Positions Total row: recognised, its USD value added to its account's total. */
    private void positionsTotal(ExportRow row, Columns col) {
      boolean ofGroup = positionsSinceTotal;
      positionsSinceTotal = false;
      String account = account(row, col);
      account = account == null && accounts.isEmpty() ? file.account() : account;
      String currency = col.currency() < 0 ? "" : row.cell(col.currency()).trim();
      if (!ofGroup || col.value() < 0 || account == null || !currency.equalsIgnoreCase("USD")) {
        sink.recognised(row, row.cell(0).trim() + " total");
        return;
      }
      BigDecimal value;
      try {
        value = Numbers.parse(row.cell(col.value()));
      } catch (NumberFormatException e) {
        positionsTotals.put(account, null);
        reject(row, "cannot read the stated total: Value " + e.getMessage());
        return;
      }
      if (value != null && (!positionsTotals.containsKey(account)
          || positionsTotals.get(account) != null)) {
        StatedTotal sum = positionsTotals.get(account);
        positionsTotals.put(account, sum == null
            ? new StatedTotal(account, POSITIONS_TOTAL, value, false, row.lineNumber())
            : new StatedTotal(account, POSITIONS_TOTAL, sum.amount().add(value), false,
                sum.lineNumber()));
      }
      sink.recognised(row, row.cell(0).trim() + " total");
    }

    /** Reports each account's USD positions total, once all its Total rows are read. */
    void statePositionsTotals() {
      positionsTotals.values().stream().filter(t -> t != null).forEach(sink::statedTotal);
    }

    /** A contract worth quantity × multiplier × price cannot be a holding of quantity × price. */
    private static String multiplierProblem(String cell) {
      try {
        BigDecimal multiplier = Numbers.parse(cell);
        return multiplier == null || multiplier.compareTo(BigDecimal.ONE) == 0 ? null
            : "multiplier " + cell.trim() + " is not supported (only 1)";
      } catch (NumberFormatException e) {
        return "multiplier " + e.getMessage();
      }
    }

    private void cashReport(ExportRow row, Columns col) {
      String line = row.cell(col.summary()).trim();
      String currency = row.cell(col.currency()).trim();
      if (!line.equalsIgnoreCase("Ending Cash")) {
        sink.recognised(row, "Cash Report " + line);
      } else if (currency.equalsIgnoreCase(BASE_CURRENCY_SUMMARY)) {
        sink.recognised(row, "Cash Report Ending Cash in the base currency (counted per currency)");
      } else if (currency.isEmpty()) {
        reject(row, "missing cash currency");
      } else if (!currency.equalsIgnoreCase("USD")) {
        reject(row, "currency " + currency + " is not supported (only USD)");
      } else if (account(row, col) == null && accounts.size() > 1) {
        reject(row, severalAccounts());
      } else {
        HoldingFields.emitCash(file, row, account(row, col), Holding.CASH, row.cell(col.total()),
            sink);
      }
    }

    /**
     * The row's account: its Account column, else the statement's one account; null (the source's
     * `account:` then applies) when neither, or when the statement names several.
     */
    private String account(ExportRow row, Columns col) {
      String own = col.account() < 0 ? "" : row.cell(col.account()).trim();
      if (!own.isEmpty()) {
        return own;
      }
      return accounts.size() == 1 ? accounts.iterator().next() : null;
    }

    private String severalAccounts() {
      return "the statement names several accounts (" + String.join(", ", accounts)
          + ") and this row names none";
    }

    private Columns columns(ExportRow header, String section) {
      Columns col = Columns.of(new HeaderColumns(header.cells()));
      String missing = null;
      if (section.equals(OPEN_POSITIONS)) {
        missing = col.symbol() < 0 ? "Symbol" : col.quantity() < 0 ? "Quantity" : null;
      } else {
        missing = col.summary() < 0 ? "Currency Summary" : col.currency() < 0 ? "Currency"
            : col.total() < 0 ? "Total" : null;
      }
      if (missing != null) {
        throw new InputException(String.format("source %s: %s: line %d: %s header has no %s column",
            file.sourceId(), file.uri(), header.lineNumber(), header.cell(0).trim(), missing));
      }
      if (col.account() < 0 && accounts.isEmpty() && file.account() == null) {
        throw new InputException(String.format("source %s: %s: line %d: the statement names no "
            + "account (no Account Information Account row) and the source sets no account",
            file.sourceId(), file.uri(), header.lineNumber()));
      }
      return col;
    }

    private void reject(ExportRow row, String reason) {
      sink.rejected(HoldingFields.reject(file, row, reason));
    }
  }
}
