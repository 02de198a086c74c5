package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A write that failed because its file system is full (ENOSPC), as the one line a user reads:
 * which folder (or warehouse) is full, what the run was writing, and what to do. The write sites
 * know the folder and the step; the operating system's message ("No space left on device") is
 * the same from java.nio, from a Beam file channel and from DuckDB's IO errors, so it is what
 * tells a full disk from any other failed write.
 */
public final class FullDisk extends InputException {
  /** strerror(ENOSPC) on Linux and macOS, which Java and DuckDB both pass on. */
  static final String NO_SPACE = "No space left on device";
  /** What a disk quota refuses with (EDQUOT): for the user, the same remedy. */
  static final String QUOTA = "Disk quota exceeded";

  private FullDisk(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether e, or anything in its cause chain, is a write refused for lack of space. */
  public static boolean isFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FullDisk || says(t.getMessage())
          || t instanceof FileSystemException f && says(f.getReason())) {
        return true;
      }
    }
    return false;
  }

  private static boolean says(String message) {
    return message != null && (message.contains(NO_SPACE) || message.contains(QUOTA));
  }

  /**
   * Throws the full-disk error of the output folder when e is one, naming what was being
   * written ("the trade-order shards"); returns normally otherwise, for the caller to rethrow e.
   */
  public static void ofOutputFolder(Throwable e, Path outputDir, String writing) {
    if (isFull(e) && !(e instanceof FullDisk)) {
      throw new FullDisk("the file system of output folder " + outputDir + " is full ("
          + reason(e) + ") while writing " + writing + ": free space there or pass --outputDir"
          + " on a larger one", e);
    }
  }

  /** The same for a file staged in a run's staging area: the output folder holds the staging. */
  public static void ofStagedFile(Throwable e, Path staged, String writing) {
    Path dir = staged.toAbsolutePath();
    while (dir != null && !dir.getFileName().toString().startsWith(StagingArea.PREFIX)) {
      dir = dir.getParent();
    }
    ofOutputFolder(e, dir == null || dir.getParent() == null ? staged.getParent()
        : dir.getParent(), writing);
  }

  /**
   * Throws the full-disk error of the warehouse when e is one. A load is one transaction that
   * DuckDB rolls back when a write of it fails, so the warehouse keeps what it had.
   */
  public static void ofWarehouse(Throwable e, Path warehouse, String doing) {
    if (isFull(e) && !(e instanceof FullDisk)) {
      throw new FullDisk("the file system of warehouse " + warehouse + " is full (" + reason(e)
          + ") while " + doing + ": free space there or pass --warehouse on a larger one; the"
          + " warehouse is unchanged", e);
    }
  }

  /**
   * A full disk that no write site named (say, a library's own file writer): the operating
   * system's message, which names the file when the library passed it on.
   */
  public static String unnamed(Throwable e) {
    Throwable named = null; // the deepest message that names a file, else the deepest refusal
    Throwable refused = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("/")) {
        named = t;
      }
      if (says(t.getMessage()) || t instanceof FileSystemException f && says(f.getReason())) {
        refused = t;
      }
    }
    named = named == null ? refused : named;
    String m = String.valueOf(named.getMessage());
    int nl = m.indexOf('\n');
    return "a file system the run writes to is full (" + reason(e) + "): "
        + (nl < 0 ? m : m.substring(0, nl)) + ": free space there, or pass --outputDir or"
        + " --warehouse on a larger one";
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t instanceof FileSystemException f && f.getReason() != null ? f.getReason()
          : t.getMessage();
      if (m != null && m.contains(QUOTA)) {
        return QUOTA;
      }
    }
    return NO_SPACE;
  }
}
