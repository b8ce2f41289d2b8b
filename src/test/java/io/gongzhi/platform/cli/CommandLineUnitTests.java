package io.gongzhi.platform.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineUnitTests {

    @Test
    void credentialsInAUrlAreNeverPrinted() {
        assertThat(DatabaseProbe.withoutParameters("jdbc:postgresql://db:5432/gongzhi?user=app&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/gongzhi");
        assertThat(DatabaseProbe.withoutParameters("jdbc:h2:file:./data/gongzhi;PASSWORD=x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/gongzhi");
    }

    @Test
    void theProgressBarShowsTaskCountAndRate() {
        var bytes = new ByteArrayOutputStream();
        var progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.start("import divisions", 3047);
        progress.advance(3047);
        progress.finish();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("import divisions").contains("100%").contains("3047/3047").contains("/s");
    }
}
