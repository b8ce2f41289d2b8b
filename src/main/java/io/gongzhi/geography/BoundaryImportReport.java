package io.gongzhi.geography;

import java.util.List;

/**
 * What an import of boundaries did.
 *
 * @param matchedByCode   features whose code is a current unit's code
 * @param matchedByName   features matched by normalised name because their code is not (e.g. "510124 郫都区 → 510117")
 * @param unmatched       features that match nothing, or more than one unit, with the reason
 * @param withoutBoundary current units of the level that still have no boundary
 * @param repaired        features whose rings were invalid and were repaired
 */
public record BoundaryImportReport(Level level, int matchedByCode, List<String> matchedByName, List<String> unmatched,
                                   List<String> withoutBoundary, int repaired) {
}
