package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.Holding;
import io.rebalancer.core.Lot;
import io.rebalancer.core.RejectedRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records every verdict a format gives, in order, for the format tests to assert on. */
final class RecordingSink implements ParseSink {
  final List<Holding> holdings = new ArrayList<>();
  /** Recognised rows as "line:what". */
  final List<String> recognised = new ArrayList<>();
  final List<RejectedRow> rejected = new ArrayList<>();
  /** The as-of dates reported (at most one per file: the test of {@link #read} checks it). */
  final List<AsOf> asOfs = new ArrayList<>();
  final List<StatedTotal> totals = new ArrayList<>();
  final List<Lot> lots = new ArrayList<>();
  /**
   * Holdings and lots in the order they came, as "holding SYMBOL line" and "lot SYMBOL line":
   * a lot must follow its holding, with no other holding between.
   */
  final List<String> holdingsAndLots = new ArrayList<>();
  private int verdicts;

  /** Reads the text in the format, checking that every row got exactly one verdict. */
  static RecordingSink read(ExportFormat format, SourceFile file, String text) {
    List<ExportRow> rows = ExportRows.split(file.sourceId(), file.uri(), text);
    RecordingSink sink = new RecordingSink();
    format.read(file, rows, sink);
    assertThat("one verdict per row", sink.verdicts, is(rows.size()));
    assertThat("at most one as-of date per file", sink.asOfs.size() <= 1, is(true));
    return sink;
  }

  /** A fixture file from src/test/resources/TestClass/, as text (a BOM, if any, kept). */
  static String fixture(Class<?> test, String name) {
    String path = test.getSimpleName() + "/" + name;
    try (InputStream in = test.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields a round trip must keep: account|symbol|quantity|price|asset class|cash. */
  static String essentials(Holding h) {
    return String.join("|", h.accountId(), h.symbol(), h.quantity().toPlainString(),
        h.price() == null ? "null" : h.price().toPlainString(), h.assetClass(),
        String.valueOf(h.cash()));
  }

  /** The file's as-of date as "date time line", time "-" when none; null when it states none. */
  String asOf() {
    return asOfs.isEmpty() ? null : asOfs.get(0).date() + " "
        + (asOfs.get(0).time() == null ? "-" : asOfs.get(0).time()) + " line "
        + asOfs.get(0).lineNumber();
  }

  /** Stated totals as "account|label|amount|cash or no cash|line". */
  List<String> totals() {
    return totals.stream().map(t -> String.join("|", t.accountId(), t.label(),
        t.amount().toPlainString(), t.includesCash() ? "with cash" : "no cash",
        String.valueOf(t.lineNumber()))).toList();
  }

  /** Rejections as "line:reason". */
  List<String> rejections() {
    return rejected.stream().map(r -> r.lineNumber() + ":" + r.reason()).toList();
  }

  @Override
  public void holding(Holding holding, ExportRow row) {
    holdings.add(holding);
    holdingsAndLots.add("holding " + holding.symbol() + " " + holding.lineNumber());
    verdicts++;
  }

  @Override
  public void recognised(ExportRow row, String what) {
    recognised.add(row.lineNumber() + ":" + what);
    verdicts++;
  }

  @Override
  public void rejected(RejectedRow row) {
    rejected.add(row);
    verdicts++;
  }

  @Override
  public void asOf(AsOf asOf) {
    asOfs.add(asOf);
  }

  @Override
  public void statedTotal(StatedTotal total) {
    totals.add(total);
  }

  @Override
  public void lot(Lot lot) {
    lots.add(lot);
    holdingsAndLots.add("lot " + lot.symbol() + " " + lot.lineNumber());
  }

  /** Lots as "account|symbol|lot_id|open date or -|quantity|cost basis|line". */
  List<String> lots() {
    return lots.stream().map(RecordingSink::described).toList();
  }

  static String described(Lot l) {
    return String.join("|", l.accountId(), l.symbol(), l.lotId(),
        l.openDate() == null ? "-" : l.openDate().toString(), l.quantity().toPlainString(),
        l.costBasis() == null ? "null" : l.costBasis().toPlainString(),
        String.valueOf(l.lineNumber()));
  }
}
