package io.rebalancer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a run publishes, written into its staging area just before the warehouse commits:
 * the commit is the run's one point of no return, and the renames after it are several. A
 * process killed between them leaves this plan, and the next run (which finds the warehouse
 * holding the run) finishes the renames from it instead of leaving a report without its orders.
 *
 * <p>Each line is {@code move<TAB>staged<TAB>target} or {@code delete<TAB>target}: a later
 * run's rejected rows file must not sit beside orders that had none.
 */
public record PublishPlan(List<Step> steps) {

  static final String FILE = "_PUBLISHING";

  /** One rename into the output folder, or one file there to remove. */
  public record Step(Path staged, Path target) {
    boolean isDelete() {
      return staged == null;
    }
  }

  public static Path fileIn(StagingArea staging) {
    return staging.path().resolve(FILE);
  }

  /** Writes the plan whole (a temporary name, forced to disk, then renamed). */
  public void writeTo(StagingArea staging) {
    StringBuilder text = new StringBuilder();
    for (Step s : steps) {
      text.append(s.isDelete() ? "delete\t" + s.target()
          : "move\t" + s.staged() + "\t" + s.target()).append('\n');
    }
    Path file = fileIn(staging);
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The plan a staging area holds, or null when its run never reached its commit. */
  public static PublishPlan readFrom(StagingArea staging) {
    Path file = fileIn(staging);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<Step> steps = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] cells = line.split("\t");
        if (cells[0].equals("move") && cells.length == 3) {
          steps.add(new Step(Path.of(cells[1]), Path.of(cells[2])));
        } else if (cells[0].equals("delete") && cells.length == 2) {
          steps.add(new Step(null, Path.of(cells[1])));
        } else if (!line.isBlank()) {
          throw new IllegalStateException(file + ": not a publish plan line: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new PublishPlan(List.copyOf(steps));
  }

  /**
   * Carries out what is left of the plan: a staged file still there is renamed into place (each
   * rename is atomic); one already gone was renamed before. Returns the renames it did.
   */
  public int apply() throws IOException {
    int moved = 0;
    for (Step s : steps) {
      if (s.isDelete()) {
        Files.deleteIfExists(s.target());
      } else if (Files.exists(s.staged())) {
        StagingArea.publish(s.staged(), s.target());
        moved++;
      }
    }
    return moved;
  }
}
