package io.gongzhi.geography.web;

import io.gongzhi.geography.Level;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** What the import page and the import API share: reading the uploaded file and level. */
final class Uploads {

    private Uploads() {
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(Violation.of("file", "geography.import.no-file"));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInput(Violation.of("file", "cli.file-unreadable", e.getMessage()));
        }
    }

    static Level level(String level) {
        return Level.parse(level).filter(Level::isDivision)
                .orElseThrow(() -> new InvalidInput(Violation.of("level", "geography.csv.level-unknown", level)));
    }
}
