package io.rebalancer;

import io.rebalancer.core.InputException;
import io.rebalancer.io.FullDisk;
import java.util.List;
import java.util.regex.Pattern;

/** Turns whatever stopped a run into the one line a user reads. */
final class Failures {
  private Failures() {}

  /**
   * Our own input errors already name the source, file, line or key: prefer the deepest one in
   * the cause chain (runners wrap worker exceptions); a full disk is one of them ({@link
   * FullDisk}), or, where no write site of ours named it, the file system's own message.
   * Anything else: the root cause's message.
   */
  static String oneLine(Throwable e) {
    String input = null;
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException || isRemoteInputException(t)) {
        input = message(t);
      }
      root = t;
      if (t.getCause() == t) {
        break;
      }
    }
    if (input != null) {
      return input;
    }
    if (FullDisk.isFull(e)) {
      return FullDisk.unnamed(e); // a write no site of ours named: still say the disk is full
    }
    String lost = lostTaskManager(e);
    if (lost != null) {
      return "the Flink job failed because a TaskManager was lost (" + lost + "); nothing was"
          + " published: run it again, on a cluster that restarts failed jobs"
          + " (runners/flink-cluster.sh start --restart-attempts=N)";
    }
    if (e instanceof IllegalArgumentException && e.getCause() == null) {
      return message(e); // option parsing: Beam's messages name the option
    }
    return root.getClass().getSimpleName() + ": " + message(root);
  }

  /**
   * How Flink 1.19 says a TaskManager is gone: the JobManager's heartbeats ("TaskManager with id
   * X is no longer reachable", "Heartbeat of TaskManager with id X timed out") or a task that
   * exchanged data with it ("Connection unexpectedly closed by remote task manager ... This might
   * indicate that the remote task manager was lost"). Flink ships these as SerializedThrowables,
   * so the messages are what is left to go by.
   */
  private static final Pattern LOST_TASK_MANAGER = Pattern.compile(
      "(?i)task ?manager.*(no longer reachable|timed out|was lost|has been lost|lost)");

  /** The first message in the cause chain that says a TaskManager was lost, or null. */
  private static String lostTaskManager(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = message(t);
      if (LOST_TASK_MANAGER.matcher(m).find()) {
        return m;
      }
    }
    return null;
  }

  /** Flink ships worker exceptions back as serialized copies that keep the original class name. */
  private static boolean isRemoteInputException(Throwable t) {
    String s = t.toString();
    return s.startsWith(InputException.class.getName())
        || s.startsWith("io.rebalancer.config.ConfigException")
        || s.startsWith(FullDisk.class.getName());
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    for (Class<?> c : List.of(InputException.class, FullDisk.class)) {
      if (m.startsWith(c.getName() + ": ")) {
        m = m.substring(c.getName().length() + 2);
      }
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
