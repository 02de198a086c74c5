package io.rebalancer.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A moment of a run to SIGKILL it at, and the trigger that finds that moment. */
record KillPoint(String name, Trigger trigger) {

  /** What tells the harness to kill. */
  sealed interface Trigger {
    String describe();
  }

  /** A fixed time after the launcher starts: the JVM is still starting. */
  record AfterLaunch(Duration delay) implements Trigger {
    public String describe() {
      return delay.toMillis() + " ms after launch";
    }
  }

  /** A while after the run prints a progress line containing phrase. */
  record AfterLine(String phrase, Duration delay) implements Trigger {
    public String describe() {
      return "line \"" + phrase + "\" + " + delay.toMillis() + " ms";
    }
  }

  /**
   * As soon as a file of the output folder (a path relative to it, with '/') matches: the folder
   * is polled every millisecond.
   */
  record OnFile(String description, Predicate<String> matches) implements Trigger {
    public String describe() {
      return "file " + description;
    }
  }

  /**
   * The hit-th time the run's JVM enters a method (of a class, by binary name; args the number
   * of its parameters, or -1 for any) called directly by callers (innermost first): a debugger
   * holds the JVM there, every thread stopped, and the harness kills it. Windows that last
   * microseconds (between two renames, between a write and its rename) are found this way;
   * stage is where that code runs.
   */
  record AtBreakpoint(String className, String method, int args, List<String> callers, int hit,
      RunStage stage) implements Trigger {
    public String describe() {
      return "in " + simpleName(className + "." + method) + (hit > 1 ? " (hit " + hit + ")" : "")
          + (callers.isEmpty() ? "" : " from " + simpleName(callers.get(0)));
    }

    /** Class.method of a method named with its package. */
    private static String simpleName(String qualifiedMethod) {
      int method = qualifiedMethod.lastIndexOf('.');
      return qualifiedMethod.substring(qualifiedMethod.lastIndexOf('.', method - 1) + 1);
    }
  }

  /** Never: the run goes to its end (the reference and previous-state runs). */
  record Never() implements Trigger {
    public String describe() {
      return "never";
    }
  }
}
