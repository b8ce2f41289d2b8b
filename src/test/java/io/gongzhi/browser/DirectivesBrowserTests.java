package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's committee issues a directive down to every compound from a desk; a grid worker finds
 * it counted on the home of a phone and acknowledges it for the units they look after with one
 * tap; the city follows it down to that community and sees it acknowledged there.
 */
class DirectivesBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    private void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(until);
    }

    @Test
    void theCityIssuesAGridWorkerAcknowledgesOnAPhoneAndTheCitySeesItInTheTree() throws Exception {
        PopulationFixture.ensure(context);
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("city", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives"));
        tap(By.cssSelector("#issue > summary"));
        browser.findElement(By.id("title")).sendKeys("全市小区实行封闭管理");
        browser.findElement(By.id("body")).sendKeys("各小区只保留一个出入口，进出人员测温、登记");
        tap(By.id("do-issue"));
        browser.switchTo().alert().accept();
        waitUntil(d -> d.getCurrentUrl().contains("done=issued"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/directives/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.id("branches")).getText()).as("the districts, by name").contains("武侯区").contains("锦江区");
        Chromium.screenshot(browser, "directive-issued-city-1366-zh-CN");
        signOut();

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/?lang=en"));
        signIn("grid", TestAccounts.PASSWORD);
        clickAndWaitFor(By.cssSelector("#waiting a.tile[href='/emergency/directives']"), d -> d.getCurrentUrl().endsWith("/emergency/directives"));
        assertThat(browser.findElement(By.id("inbox-" + id)).getText()).contains("全市小区实行封闭管理");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "directive-inbox-grid-375-en");
        clickAndWaitFor(By.id("acknowledge-" + id), d -> d.getCurrentUrl().contains("done=acknowledged"));
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).matches("Acknowledged for [1-9]\\d* units\\.");
        assertThat(browser.findElements(By.id("acknowledge-all"))).as("nothing left to acknowledge").isEmpty();
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "directive-acknowledged-grid-375-en");
        signOut();

        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/?lang=en"));
        signIn("city", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives/" + id));
        clickAndWaitFor(By.linkText("武侯区"), d -> d.getCurrentUrl().contains("unit=510107"));
        clickAndWaitFor(By.linkText("玉林街道"), d -> d.getCurrentUrl().contains("unit=510107005"));
        String yulin = browser.findElement(By.xpath("//table[@id='branches']//tr[td/a[normalize-space()='玉林北路社区']]")).getText();
        assertThat(yulin).as("acknowledged there, and shown last: the least answered come first").doesNotContain(" 0 (0%)");
        assertThat(browser.findElement(By.cssSelector("#progress .crumbs")).getText()).isEqualTo("成都市 › 武侯区 › 玉林街道");
        Chromium.screenshot(browser, "directive-tree-city-1366-en");
    }
}
