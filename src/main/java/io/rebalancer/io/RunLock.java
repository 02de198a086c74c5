package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run at a time per output folder and per warehouse: an exclusive lock the operating system
 * holds for the process, on a small file that says who holds it. The OS drops the lock when the
 * process ends however it ends (a SIGKILL, a lost machine's NFS lease aside), so a lock is never
 * left behind, and a second run is refused at once instead of interleaving its files with the
 * first's or finding the warehouse busy an hour later.
 */
public final class RunLock implements AutoCloseable {
  /** The lock files this process holds, for code that must know whether it may write. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  private final FileChannel channel;
  private final FileLock lock;
  private final Path file;

  private RunLock(FileChannel channel, FileLock lock, Path file) {
    this.channel = channel;
    this.lock = lock;
    this.file = file;
    HELD.add(file);
  }

  /** Whether this process holds the lock of this lock file. */
  public static boolean isHeldHere(Path lockFile) {
    return HELD.contains(lockFile.toAbsolutePath().normalize());
  }

  /** The lock file of an output folder. */
  public static Path ofOutputFolder(Path outputDir) {
    return outputDir.resolve(".rebalancer.lock");
  }

  /** The lock file of a warehouse, beside it (DuckDB's own lock is on the file itself). */
  public static Path ofWarehouse(Path warehouse) {
    return warehouse.resolveSibling("." + warehouse.getFileName() + ".lock");
  }

  /**
   * Takes the lock for a run, or fails with one line naming what is locked and the run and
   * process that hold it. {@code what} names the thing in that line ("output folder /x"), and
   * {@code option} the option that would give the run another one.
   */
  public static RunLock take(Path lockFile, String what, String option, String runId,
      Instant startedAt) {
    FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process: another run in the same JVM
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new InputException(what + " is in use by " + holder + ": wait for that run to"
            + " finish, or pass another " + option);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("run " + runId + " (process "
          + ProcessHandle.current().pid() + ", started " + startedAt + ")\n")
          .getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new RunLock(channel, lock, lockFile.toAbsolutePath().normalize());
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + what + " (" + lockFile + ")", e);
    }
  }

  /** Who the file says holds it: the holder writes it right after taking the lock. */
  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(512);
    channel.read(b, 0);
    String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    return s.isEmpty() ? "another run (just starting)" : s;
  }

  @Override
  public void close() {
    HELD.remove(file);
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // the process ending releases the lock anyway
    }
  }
}
