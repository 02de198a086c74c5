package io.rebalancer.core;

/** Sells sort before buys in the orders file, and are placed first (their proceeds pay for buys). */
public enum Side {
  SELL,
  BUY
}
