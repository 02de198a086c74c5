package io.rebalancer.config;

import io.rebalancer.core.InputException;

/** A configuration that cannot be run: the message names the file and the key. */
public class ConfigException extends InputException {
  public ConfigException(String message) {
    super(message);
  }
}
