package io.rebalancer.transforms;

import io.rebalancer.core.AccountInfo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The lines of accounts.csv as a collection, joined to the holdings by account.
 *
 * @param listed false without an accounts file: every account is then in the default household on
 *     the default model, and none is unknown
 */
public record Accounts(PCollection<AccountInfo> lines, boolean listed) {}
