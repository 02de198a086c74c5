package io.rebalancer.transforms;

import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.Lot;
import org.apache.beam.sdk.values.PCollection;

/**
 * The lines of accounts.csv and of lots.csv as collections, joined to the holdings by account
 * (a book's lots travel with their account, never as a side input).
 *
 * @param listed false without an accounts file: every account is then in the default household on
 *     the default model, and none is unknown
 * @param lots the lines of lots.csv; empty without a lots file
 */
public record Accounts(PCollection<AccountInfo> lines, boolean listed, PCollection<Lot> lots) {}
