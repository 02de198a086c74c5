package io.rebalancer.core;

/**
 * An input line that is neither a holding nor a line the format knows to skip: a dead letter.
 * Its reason and raw text are cut to {@link #MAX_TEXT} characters: a line of megabytes (a file
 * that is one long line) must still fit a warehouse row and a line of the rejected-rows file.
 */
public record RejectedRow(
    String sourceId, String sourceUri, long lineNumber, String reason, String rawLine) {
  public static final int MAX_TEXT = 4096;

  public RejectedRow {
    reason = cut(reason);
    rawLine = cut(rawLine);
  }

  private static String cut(String text) {
    if (text == null || text.length() <= MAX_TEXT) {
      return text;
    }
    // at most MAX_TEXT with the note, so that a cut text passes through again unchanged (coders)
    String note = "... (" + text.length() + " characters in all)";
    return text.substring(0, MAX_TEXT - note.length()) + note;
  }
}
