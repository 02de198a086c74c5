package io.rebalancer;

import io.rebalancer.core.InputException;

/** Turns whatever stopped a run into the one line a user reads. */
final class Failures {
  private Failures() {}

  /**
   * Our own input errors already name the source, file, line or key: prefer the deepest one in
   * the cause chain (runners wrap worker exceptions). Anything else: the root cause's message.
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
    if (e instanceof IllegalArgumentException && e.getCause() == null) {
      return message(e); // option parsing: Beam's messages name the option
    }
    return root.getClass().getSimpleName() + ": " + message(root);
  }

  /** Flink ships worker exceptions back as serialized copies that keep the original class name. */
  private static boolean isRemoteInputException(Throwable t) {
    String s = t.toString();
    return s.startsWith(InputException.class.getName())
        || s.startsWith("io.rebalancer.config.ConfigException");
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    if (m.startsWith(InputException.class.getName() + ": ")) {
      m = m.substring(InputException.class.getName().length() + 2);
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
