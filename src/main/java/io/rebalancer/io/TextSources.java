package io.rebalancer.io;

import io.rebalancer.config.FetchPolicy;
import io.rebalancer.core.InputException;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Opens input files as streamed text: a local path, or an http(s) URL fetched (with its source's
 * retries) to a temporary file first, so no file is ever held whole in memory. UTF-8 (a BOM is
 * skipped); a file that is not valid UTF-8 is read as Windows-1252, which older exports use.
 */
public final class TextSources {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int BUFFER = 1 << 16;

  private TextSources() {}

  /**
   * The whole file as a Reader; closing it removes a fetched URL's temporary copy. A URL is
   * fetched as {@link FetchPolicy#DEFAULT} says (the reference files, which this reads, are local).
   */
  public static Reader open(String what, String uri) {
    Path path = local(what, uri, FetchPolicy.DEFAULT);
    boolean fetched = isUrl(uri);
    Reader r = open(what, uri, path, charsetOf(what, uri, path), 0, -1);
    return new FilterReader(r) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          if (fetched) {
            Files.deleteIfExists(path);
          }
        }
      }
    };
  }

  /**
   * Bytes [start, end) of a local file as text (end -1: to the end of the file). A range that
   * starts at 0 skips the BOM; a later range must start on a line boundary.
   */
  public static Reader open(String what, String uri, Path path, Charset charset, long start,
      long end) {
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      channel.position(start);
      InputStream in = Channels.newInputStream(channel);
      if (end >= 0) {
        in = BoundedInputStream.builder().setInputStream(in).setMaxCount(end - start).get();
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER);
      if (start == 0) {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
          reader.reset();
        }
      }
      return reader;
    } catch (IOException e) {
      throw new InputException(what + ": cannot read " + uri + ": " + e);
    }
  }

  /**
   * A local path for the uri: the path itself, or a temporary copy of a URL's body, fetched as
   * the source's policy says (see {@link UrlFetch}).
   */
  public static Path local(String what, String uri, FetchPolicy fetch) {
    return isUrl(uri) ? UrlFetch.fetch(what, uri, fetch) : Path.of(uri);
  }

  public static boolean isUrl(String uri) {
    return uri.startsWith("http://") || uri.startsWith("https://");
  }

  /**
   * UTF-8 when every byte of the file decodes as UTF-8, else Windows-1252; streamed. Bytes no CSV
   * export has fail the run instead, since read as Windows-1252 they would pass as garbled rows:
   * a UTF-16 byte-order mark (Excel's "Unicode text"), or a zero byte (a spreadsheet, a zip file,
   * UTF-16 without a mark).
   */
  public static Charset charsetOf(String what, String uri, Path path) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    boolean utf8Valid = true;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      boolean eof = false;
      long offset = 0;
      while (!eof) {
        int from = bytes.position();
        int n = channel.read(bytes);
        eof = n < 0;
        offset = checkText(what, uri, bytes, from, offset);
        bytes.flip();
        CoderResult r;
        do {
          chars.clear();
          r = utf8Valid ? utf8.decode(bytes, chars, eof) : null;
          utf8Valid = r != null && !r.isError();
        } while (utf8Valid && r.isOverflow());
        if (!utf8Valid) {
          bytes.clear(); // Windows-1252 then; the rest is read only for zero bytes
        } else {
          bytes.compact();
        }
      }
      chars.clear();
      return utf8Valid && !utf8.flush(chars).isError() ? StandardCharsets.UTF_8 : WINDOWS_1252;
    } catch (IOException e) {
      throw new InputException(what + ": cannot read " + uri + ": " + e);
    }
  }

  /** Checks the bytes just read, [from, position) of the buffer, which start at file offset. */
  private static long checkText(String what, String uri, ByteBuffer bytes, int from,
      long offset) {
    int to = bytes.position();
    if (offset == 0 && to - from >= 2) {
      int b0 = bytes.get(from) & 0xff;
      int b1 = bytes.get(from + 1) & 0xff;
      if ((b0 == 0xff && b1 == 0xfe) || (b0 == 0xfe && b1 == 0xff)) {
        throw new InputException(what + ": " + uri + " is UTF-16 text: export or save it as"
            + " UTF-8 (Excel: \"CSV UTF-8\") or as plain CSV");
      }
    }
    for (int i = from; i < to; i++) {
      if (bytes.get(i) == 0) {
        throw new InputException(what + ": " + uri + " is not a text file (a zero byte at offset "
            + (offset + i - from) + "): a spreadsheet or a compressed file, not the CSV export?");
      }
    }
    return offset + Math.max(0, to - from);
  }

  /** Removes a fetched URL's temporary copy; a local path is left alone. */
  public static void release(String uri, Path path) {
    if (isUrl(uri)) {
      delete(path);
    }
  }

  static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temporary file; the OS cleans its folder
    }
  }
}
