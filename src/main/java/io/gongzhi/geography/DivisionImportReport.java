package io.gongzhi.geography;

import java.util.List;
import java.util.Map;

/**
 * What an import of divisions changed. Codes are listed so an operator can check them;
 * counts by level describe the file.
 */
public record DivisionImportReport(Map<Level, Integer> countsByLevel, List<String> added, List<String> renamed,
                                   List<String> moved, List<String> retired, List<String> reinstated, int unchanged) {

    public boolean changedNothing() {
        return added.isEmpty() && renamed.isEmpty() && moved.isEmpty() && retired.isEmpty() && reinstated.isEmpty();
    }
}
