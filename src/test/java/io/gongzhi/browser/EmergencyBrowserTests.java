package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district's committee switches Wuhou into a level Ⅲ response on a phone, a grid worker inside
 * sees it on every page, and the committee stands it down from a desk in English.
 */
class EmergencyBrowserTests extends BrowserTest {

    @Test
    void aDistrictDeclaresAResponseItsGridWorkersSeeAndStandsItDown() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("district", TestAccounts.PASSWORD);
        browser.get(url("/emergency"));
        assertThat(browser.findElement(By.id("normal")).getText()).contains("常态");
        tap(By.id("declare-level-III"));
        browser.findElement(By.id("declare-reason")).sendKeys("辖区出现聚集性疫情，按市指挥部部署启动响应");
        tap(By.id("do-declare"));
        browser.switchTo().alert().accept();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("done=declared"));
        assertThat(browser.findElement(By.cssSelector(".banner")).getText()).isEqualTo("武侯区 Ⅲ级应急响应中");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "emergency-declared-375-zh-CN");
        signOut();

        signIn("grid", TestAccounts.PASSWORD);
        browser.get(url("/my/cases?lang=en"));
        assertThat(browser.findElement(By.cssSelector(".banner")).getText()).isEqualTo("武侯区: level Ⅲ emergency response in force");
        Chromium.screenshot(browser, "emergency-banner-grid-375-en");
        signOut();

        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("district", TestAccounts.PASSWORD);
        browser.get(url("/emergency?lang=en"));
        tap(By.cssSelector("details.more-steps > summary"));
        browser.findElement(By.cssSelector("form[id^='stand-down-'] textarea")).sendKeys("Cases under control");
        tap(By.cssSelector("form[id^='stand-down-'] button.danger"));
        browser.switchTo().alert().accept();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("done=stood-down"));
        assertThat(browser.findElements(By.cssSelector(".banner"))).as("normal mode again").isEmpty();
        tap(By.cssSelector("#past details.history > summary"));
        assertThat(browser.findElement(By.id("past")).getText()).as("its history kept").contains("Declared at level Ⅲ")
                .contains("Stood down from level Ⅲ").contains("Cases under control");
        Chromium.screenshot(browser, "emergency-stood-down-1366-en");
    }
}
