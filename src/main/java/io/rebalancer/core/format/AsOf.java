package io.rebalancer.core.format;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The date (and time, where given) an export says it was taken: Schwab's "as of" title, Fidelity's
 * "Date downloaded", E*TRADE's generation time, the end of IBKR's statement period.
 *
 * @param time the time of day the export states, or null when it states only a date
 * @param text the words the date was read from, as in the file, for error lines and the summary
 * @param lineNumber the 1-based line that states it
 */
public record AsOf(LocalDate date, LocalTime time, String text, long lineNumber) {}
