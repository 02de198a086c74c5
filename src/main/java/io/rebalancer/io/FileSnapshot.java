package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file's size and last-modified time, taken before it is read and compared after: an export
 * still being downloaded (or rewritten by a sync tool) while a layout reads it, perhaps twice,
 * would give holdings of neither version.
 */
public record FileSnapshot(long size, FileTime lastModified) {
  /** @param what the source the file belongs to ("source BROKERAGE_001"), for the error line */
  public static FileSnapshot of(String what, String uri, Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return new FileSnapshot(a.size(), a.lastModifiedTime());
    } catch (IOException e) {
      throw new InputException(what + ": cannot read " + uri + ": " + e);
    }
  }

  /** Fails the run when the file is no longer as it was when this snapshot was taken. */
  public void checkUnchanged(String what, String uri, Path path) {
    FileSnapshot now;
    try {
      now = of(what, uri, path);
    } catch (InputException e) {
      throw new InputException(what + ": " + uri + " changed while it was read (" + size
          + " bytes, now gone): rerun once the download has finished", e);
    }
    if (!equals(now)) {
      throw new InputException(what + ": " + uri + " changed while it was read (" + size
          + " bytes" + (now.size == size ? " modified " + lastModified : "") + ", now "
          + now.size + " bytes" + (now.size == size ? " modified " + now.lastModified : "")
          + "): rerun once the download has finished");
    }
  }
}
