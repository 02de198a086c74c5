package io.rebalancer.core;

/**
 * One line of securities.csv, the security master: a symbol's real asset class, which replaces
 * the export's label everywhere, its name, and the account type it is best held in.
 *
 * @param preferredAccountType null when the file leaves it empty
 */
public record Security(String symbol, String assetClass, String name,
    AccountType preferredAccountType) {}
