package io.rebalancer.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Splits a large canonical export into parts at line ends, so several workers parse one file at
 * once, as Beam's TextIO splits text by byte ranges. One pass counts the lines before each cut,
 * so every part still names its rows by their line in the file. As with TextIO, a cut is made at
 * a line end without reading quotes: a quoted cell that spans lines in a file this large makes
 * its part unreadable as CSV, which fails the run naming the file, never a silent loss.
 */
public final class FileParts {
  private static final int BUFFER = 1 << 20;

  private FileParts() {}

  /**
   * @param header the file's rows from its start, for the header row (the first non-blank one)
   * @param partBytes about how large a part is; a file no larger is one part
   */
  public static List<FilePart> split(SourceFile file, Path path, String charset,
      Supplier<Reader> header, long partBytes) {
    try {
      long size = Files.size(path);
      if (size <= partBytes) {
        return List.of(FilePart.whole(file));
      }
      Cuts cuts = new Cuts(file, headerRow(file, header.get()), partBytes, size, charset);
      try (InputStream in = Files.newInputStream(path)) {
        byte[] buf = new byte[BUFFER];
        long position = 0;
        boolean pendingCr = false;
        int n;
        while ((n = in.read(buf)) > 0) {
          for (int i = 0; i < n; i++, position++) {
            byte b = buf[i];
            if (pendingCr && b != '\n') {
              cuts.lineEnd(position); // a lone CR ended the line before this byte
            }
            pendingCr = b == '\r';
            if (b == '\n') {
              cuts.lineEnd(position + 1);
            }
          }
        }
      }
      return cuts.done();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot split " + file.uri(), e);
    }
  }

  /** Counts lines and cuts a part at the first line end past each part's size. */
  private static final class Cuts {
    private final SourceFile file;
    private final ExportRow header;
    private final long partBytes;
    private final long size;
    private final String charset;
    private final List<FilePart> parts = new ArrayList<>();
    private long start;
    private long startLine = 1;
    private long line = 1; // the line that starts after the last line end seen

    Cuts(SourceFile file, ExportRow header, long partBytes, long size, String charset) {
      this.file = file;
      this.charset = charset;
      this.header = header;
      this.partBytes = partBytes;
      this.size = size;
    }

    void lineEnd(long end) {
      line++;
      if (end - start >= partBytes && line > header.lineNumber() + 1 && end < size) {
        parts.add(part(end));
        start = end;
        startLine = line;
      }
    }

    List<FilePart> done() {
      parts.add(part(-1));
      return parts;
    }

    private FilePart part(long end) {
      return new FilePart(file, start, end, startLine, parts.isEmpty() ? null : header, charset);
    }
  }

  private static ExportRow headerRow(SourceFile file, Reader text) {
    try (ExportRows rows = ExportRows.read(file.sourceId(), file.uri(), text, 1)) {
      while (rows.hasNext()) {
        ExportRow row = rows.next();
        if (!row.isBlank()) {
          return row;
        }
      }
    }
    return new ExportRow(1, List.of(), "");
  }
}
