package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The system administrator uploads a divisions file: a bad one is refused line by line, a good one reported. */
class ImportBrowserTests extends BrowserTest {

    private Path file(String name, String... lines) throws Exception {
        Path path = Files.createTempDirectory("gongzhi-upload").resolve(name);
        Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void theAdministratorImportsASmallCity() throws Exception {
        signIn("admin", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("导入区划"), "/geo/import");

        Path bad = file("bad.csv", "code,name,level,parent_code", "5189,样城市,city,", "518901,,district,5189",
                "518902,样区2,district,999999");
        browser.findElement(By.id("divisions-file")).sendKeys(bad.toString());
        clickAndWaitFor(By.cssSelector("form:has(#divisions-file) button"), d -> !d.findElements(By.cssSelector(".alert-card")).isEmpty());
        String refused = browser.findElement(By.cssSelector(".alert-card")).getText();
        assertThat(refused).contains("发现 2 处问题").contains("名称不能为空").contains("上级代码 999999 既不在文件中，也不在系统中");
        Chromium.screenshot(browser, "import-refused-zh");

        Path good = file("good.csv", "code,name,level,parent_code", "5189,样城市,city,", "518901,样区1,district,5189",
                "518901001,样街道,subdistrict,518901", "518901001001,样一社区居民委员会,community,518901001");
        browser.findElement(By.id("divisions-file")).sendKeys(good.toString());
        clickAndWaitFor(By.cssSelector("form:has(#divisions-file) button"), d -> !d.findElements(By.id("division-report")).isEmpty());
        String report = browser.findElement(By.id("division-report")).getText();
        assertThat(report).contains("导入完成").contains("社区（村） 1").contains("新增\n4");
        Chromium.screenshot(browser, "import-done-zh");
    }
}
