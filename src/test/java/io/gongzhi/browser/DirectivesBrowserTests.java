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
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).matches("Acknowledged for [1-9]\\d* of your units\\.");
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

    /**
     * The path of a directive to the last compound: the city issues it from a desk in Chinese; the
     * compound's contact (property-company staff with an account of their own) finds it on the home
     * of a phone in English and acknowledges it with one tap; the city walks down to the grid and
     * sees that compound acknowledged, with whom to call there.
     */
    @Test
    void theCityIssuesACompoundContactAcknowledgesOnAPhoneAndTheCitySeesItAtTheGrid() throws Exception {
        var people = PopulationFixture.ensure(context);
        var hierarchy = context.getBean(io.gongzhi.geography.Hierarchy.class);
        var compound = people.insideCompound();
        var grid = hierarchy.unit(compound.parentCode());
        String username = "cc" + (System.nanoTime() % 1_000_000);
        context.getBean(io.gongzhi.identity.Accounts.class).create(new io.gongzhi.identity.internal.AccountForm(username, "黄磊",
                java.util.Set.of(io.gongzhi.identity.Role.COMPOUND_CONTACT), java.util.Set.of(compound.code()), java.util.Set.of()), TestAccounts.PASSWORD);
        var keeper = new io.gongzhi.shared.Actor(null, "browser-roster", java.util.Set.of("COMMUNITY_WORKER"), java.util.Set.of("roster.manage"),
                io.gongzhi.shared.Jurisdiction.of(io.gongzhi.shared.RegionPath.of(hierarchy.unit(PopulationFixture.INSIDE).path())));
        context.getBean(io.gongzhi.emergency.internal.DutyRosters.class).add(new io.gongzhi.emergency.internal.DutyRosters.Entry(compound.code(),
                "PROPERTY_STAFF", "黄磊", "13812345678", username, null), keeper);

        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("city", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives"));
        tap(By.cssSelector("#issue > summary"));
        browser.findElement(By.id("title")).sendKeys("小区出入口测温登记");
        browser.findElement(By.id("body")).sendKeys("各小区出入口对进出人员测温、登记，物业服务企业负责落实");
        tap(By.id("do-issue"));
        browser.switchTo().alert().accept();
        waitUntil(d -> d.getCurrentUrl().contains("done=issued"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/directives/(\\d+).*", "$1"));
        signOut();

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/?lang=en"));
        signIn(username, TestAccounts.PASSWORD);
        assertThat(browser.findElement(By.cssSelector("#waiting a.tile[href='/emergency/directives']")).getText())
                .as("the home counts what waits on the compound").contains("1");
        assertThat(browser.findElement(By.cssSelector("#starts a.primary")).getText()).as("the home's first button is the directive")
                .isEqualTo("Acknowledge: 小区出入口测温登记");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "compound-contact-home-375-en");
        clickAndWaitFor(By.cssSelector("#starts a.primary"), d -> d.getCurrentUrl().endsWith("/emergency/directives/" + id));
        assertThat(browser.findElement(By.id("mine")).getText()).contains(compound.displayName());
        clickAndWaitFor(By.id("acknowledge-all"), d -> d.getCurrentUrl().contains("done=acknowledged"));
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("Acknowledged for 1 of your units.");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "compound-contact-acknowledged-375-en");
        signOut();

        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/?lang=zh-CN"));
        signIn("city", TestAccounts.PASSWORD);
        browser.get(url("/emergency/directives/" + id + "?unit=" + grid.code()));
        String row = browser.findElement(By.xpath("//table[@id='branches']//tr[td/a[normalize-space()='" + compound.displayName() + "']]")).getText();
        assertThat(row).as("the compound acknowledged, its contact named with the number masked").contains("1 (100%)").contains("黄磊")
                .contains("138****5678").doesNotContain("13812345678");
        Chromium.screenshot(browser, "directive-grid-city-1366-zh-CN");
        clickAndWaitFor(By.id("contact-" + compound.code()), d -> d.getCurrentUrl().contains("/emergency/roster?unit=" + compound.code()));
        assertThat(browser.findElement(By.id("contacts")).getText()).contains("黄磊").contains("物业服务企业员工").contains("138****5678");
        tap(By.cssSelector("#contacts details > summary"));
        browser.findElement(By.cssSelector("#contacts input[name=reason]")).sendKeys("指令签收情况回访");
        clickAndWaitFor(By.cssSelector("#contacts button[id^=reveal-]"), d -> !d.findElements(By.cssSelector("a.phone-full")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("a.phone-full")).getAttribute("href")).isEqualTo("tel:13812345678");
        Chromium.screenshot(browser, "roster-compound-city-1366-zh-CN");
    }
}
