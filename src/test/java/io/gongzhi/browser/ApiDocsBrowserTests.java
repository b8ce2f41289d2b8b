package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator follows the navigation to the API documentation, which renders under the strict CSP. */
class ApiDocsBrowserTests extends BrowserTest {

    @Test
    void theAdministratorReadsTheApiDocumentation() throws Exception {
        signIn("admin", TestAccounts.PASSWORD);
        assertThat(browser.findElement(By.id("system")).getText()).contains("系统状态").contains("待处理的模块事件");
        Chromium.screenshot(browser, "home-admin-zh");

        clickAndWaitForUrlEnding(By.linkText("接口文档"), "/swagger-ui/index.html");
        var title = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        assertThat(title.getText()).contains("Gongzhi (共治) API");
        assertThat(browser.findElement(By.cssSelector(".swagger-ui")).getText()).contains("/api/me");
        Chromium.screenshot(browser, "api-docs");
    }
}
