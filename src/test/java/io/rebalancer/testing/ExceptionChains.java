package io.rebalancer.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.rebalancer.core.InputException;
import java.util.ArrayList;
import java.util.List;

/** Assertions on what a failed pipeline threw: runners wrap the DoFn's exception in their own. */
public final class ExceptionChains {
  private ExceptionChains() {}

  /** Passes when some exception in thrown's cause chain is an InputException with this message. */
  public static void assertInputException(Throwable thrown, String expectedMessage) {
    List<String> seen = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InputException && expectedMessage.equals(t.getMessage())) {
        return;
      }
      seen.add(t.getClass().getName() + ": " + t.getMessage());
    }
    fail("no InputException with message <" + expectedMessage + "> in the cause chain:\n  "
        + String.join("\n  ", seen));
  }
}
