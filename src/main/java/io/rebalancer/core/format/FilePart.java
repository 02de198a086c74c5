package io.rebalancer.core.format;

/**
 * A part of an export file that one worker reads: bytes [start, end) (end -1: to the end of the
 * file), its first row on line firstLine. Parts after the first carry the file's header row.
 *
 * @param charset the file's character set, found once for all its parts; null: not yet known
 */
public record FilePart(SourceFile file, long start, long end, long firstLine, ExportRow header,
    String charset) {
  public static FilePart whole(SourceFile file) {
    return new FilePart(file, 0, -1, 1, null, null);
  }

  /** The first part stands for the file in the source's tally of files. */
  public boolean isFirst() {
    return start == 0;
  }
}
