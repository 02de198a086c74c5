package io.rebalancer.core;

/** An input line that is neither a holding nor a line the format knows to skip: a dead letter. */
public record RejectedRow(
    String sourceId, String sourceUri, long lineNumber, String reason, String rawLine) {}
