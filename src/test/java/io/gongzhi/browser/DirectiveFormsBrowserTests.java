package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sub-district's dispatcher sends a directive to one community with a report form of its own;
 * the community worker reports on it from a phone, told what is missing first; the dispatcher sees
 * the figures summed, the curve and the map, and amends the directive.
 */
class DirectiveFormsBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aDispatcherAsksForAReportOnAFormAndTheCommunityReportsFromAPhone() throws Exception {
        PopulationFixture.ensure(context);
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives"));
        tap(By.cssSelector("#issue > summary"));
        tap(By.cssSelector("#choose-units > summary"));
        tap(By.cssSelector("input[name=units][value='510107005001']"));
        browser.findElement(By.id("title")).sendKeys("小区封闭情况上报");
        browser.findElement(By.id("body")).sendKeys("各小区只保留一个出入口，今天 20 点前报告");
        browser.findElement(By.id("reportHours")).sendKeys("6");
        tap(By.cssSelector("#report-form > summary"));
        browser.findElement(By.id("formLabel-0")).sendKeys("出入口已封闭");
        browser.findElement(By.id("formLabel-1")).sendKeys("返回人员人数");
        new Select(browser.findElements(By.name("formType")).get(1)).selectByValue("NUMBER");
        Chromium.screenshot(browser, "directive-form-issue-dispatcher-1366-zh-CN");
        tap(By.id("do-issue"));
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("done=issued"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/directives/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.id("scope")).getText()).isEqualTo("发往：玉林北路社区");
        assertThat(browser.findElements(By.id("mine"))).as("the issuing place does not answer its own directive").isEmpty();
        signOut();

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/?lang=en"));
        signIn("community", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives/" + id));
        tap(By.cssSelector("#unit-510107005001 details > summary"));
        browser.findElement(By.id("f2-510107005001")).sendKeys("12");
        clickAndWaitFor(By.id("do-report-510107005001"), d -> d.getPageSource().contains("Please fill in"));
        assertThat(browser.findElement(By.id("unit-510107005001")).getText()).as("told what is missing, what was typed kept")
                .contains("Please fill in \"出入口已封闭\".");
        assertThat(browser.findElement(By.id("f2-510107005001")).getAttribute("value")).isEqualTo("12");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "directive-form-missing-community-375-en");
        tap(By.id("f1-yes-510107005001"));
        clickAndWaitFor(By.id("do-report-510107005001"), d -> d.getCurrentUrl().contains("done=reported"));
        assertThat(browser.findElement(By.id("unit-510107005001")).getText()).contains("出入口已封闭").contains("Yes").contains("12");
        Chromium.screenshot(browser, "directive-form-reported-community-375-en");
        clickAndWaitFor(By.id("acknowledge-all"), d -> d.getCurrentUrl().contains("done=acknowledged"));
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).as("the rest of the community's units, with one tap")
                .matches("Acknowledged for [1-9]\\d* of your units\\.");
        signOut();

        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/?lang=zh-CN"));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives/" + id));
        assertThat(browser.findElement(By.id("figures")).getText()).contains("出入口已封闭").contains("1 个单位已报告，1 个为“是”")
                .contains("合计 12（1 个单位已报告）");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("curve")).getAttribute("class").contains("drawn"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("progress-map")).isDisplayed());
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('#progress-map path.leaflet-interactive').length"))
                .as("the community on the map").isPositive();
        Chromium.screenshot(browser, "directive-form-figures-dispatcher-1366-zh-CN");
        tap(By.cssSelector("#amend > summary"));
        browser.findElement(By.id("addition")).sendKeys("出入口须张贴扫码登记二维码");
        browser.findElement(By.id("reason")).sendKeys("补充要求");
        tap(By.id("do-amend"));
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("done=amended"));
        assertThat(browser.findElement(By.id("amendments")).getText()).contains("补充 1").contains("出入口须张贴扫码登记二维码").contains("原因：补充要求");
    }
}
