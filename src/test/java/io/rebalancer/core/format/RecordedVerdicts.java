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

/** A ParseSink for format tests: records every verdict in order, and checks one per row. */
final class RecordedVerdicts implements ParseSink {
  final List<Holding> holdings = new ArrayList<>();
  /** "line:what" for each recognised row. */
  final List<String> recognised = new ArrayList<>();
  final List<RejectedRow> rejected = new ArrayList<>();
  private int verdicts;

  /** Reads the text with the format, asserting exactly one verdict per row. */
  static RecordedVerdicts read(ExportFormat format, SourceFile file, String text) {
    List<ExportRow> rows = ExportRows.split(file.sourceId(), file.uri(), text);
    RecordedVerdicts sink = new RecordedVerdicts();
    format.read(file, rows, sink);
    assertThat("one verdict per row", sink.verdicts, is(rows.size()));
    return sink;
  }

  /** A fixture file's text exactly as stored (BOM and line ends kept): /TestClass/name. */
  static String fixture(Class<?> test, String name) {
    String path = "/" + test.getSimpleName() + "/" + name;
    try (InputStream in = test.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "line:reason" for each rejected row. */
  List<String> rejections() {
    return rejected.stream().map(r -> r.lineNumber() + ":" + r.reason()).toList();
  }

  /** The fields a round trip must keep: account|symbol|quantity|price|asset class|cash. */
  static String essentials(Holding h) {
    return String.join("|", h.accountId(), h.symbol(), h.quantity().toPlainString(),
        h.price() == null ? "null" : h.price().toPlainString(), h.assetClass(),
        String.valueOf(h.cash()));
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
