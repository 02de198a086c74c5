package io.rebalancer.core.format;

import java.math.BigDecimal;

/**
 * A total an export states for one of its accounts (Schwab's "Account Total", E*TRADE's net account
 * value and TOTAL row, IBKR's Open Positions total, a custom layout's total row). The account's
 * holdings read from the same file, valued at quantity × price as the pipeline values them, must
 * add up to it.
 *
 * @param accountId the account as its holdings carry it ({@code Holding.accountId()})
 * @param label what the export calls the total ("Account Total", "Net Account Value", ...)
 * @param includesCash true: the total covers all the account's holdings in the file; false: only
 *     its non-cash positions
 * @param lineNumber the 1-based line that states it
 */
public record StatedTotal(String accountId, String label, BigDecimal amount, boolean includesCash,
    long lineNumber) {}
