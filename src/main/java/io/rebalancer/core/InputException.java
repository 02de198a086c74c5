package io.rebalancer.core;

/**
 * Bad input that stops the run: the message is the one line a user sees, and it names the source,
 * file, line or key at fault.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
