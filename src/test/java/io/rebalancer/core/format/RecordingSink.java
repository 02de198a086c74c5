package io.rebalancer.core.format;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.rebalancer.core.Holding;
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
  private int verdicts;

  /** Reads the text in the format, checking that every row got exactly one verdict. */
  static RecordingSink read(ExportFormat format, SourceFile file, String text) {
    List<ExportRow> rows = ExportRows.split(file.sourceId(), file.uri(), text);
    RecordingSink sink = new RecordingSink();
    format.read(file, rows, sink);
    assertThat("one verdict per row", sink.verdicts, is(rows.size()));
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

  /** Rejections as "line:reason". */
  List<String> rejections() {
    return rejected.stream().map(r -> r.lineNumber() + ":" + r.reason()).toList();
  }

  @Override
  public void holding(Holding holding, ExportRow row) {
    holdings.add(holding);
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
}
