package io.gongzhi.population.internal;

import io.gongzhi.shared.Violation;

import java.util.List;

/**
 * What an import did. {@code INVALID}: nothing was written and {@code problems} says why (with
 * {@code errorReport}, the bad rows as .xlsx with an error column); {@code DONE}: the file is in
 * the registry; {@code ALREADY_DONE}: this key had imported this file before, nothing changed.
 *
 * @param resumedAt rows a previous, interrupted run with the same key had already imported
 */
public record ImportReport(String key, Status status, int rows, int imported, int resumedAt, int households,
                           List<Violation> problems, byte[] errorReport) {

    public enum Status {
        DONE, ALREADY_DONE, INVALID
    }
}
