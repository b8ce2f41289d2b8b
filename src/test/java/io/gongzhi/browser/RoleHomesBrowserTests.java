package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role's home and main page (the navigation's first item after the home), on a phone
 * (375 px) and a desk (1366 px), in zh-CN and en: a heading, names rather than message keys, nothing
 * to scroll sideways, and on the phone a bottom bar whose items and whose "more" sheet (with
 * signing out) are all within reach.
 */
class RoleHomesBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    private void looksRight(String shot) throws Exception {
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(shot + ": a heading").isNotBlank();
        assertThat(text).as(shot + ": no message key").doesNotContain("??").doesNotContain("_zh_CN").doesNotContain("_en??");
        assertThat(Chromium.fitsWidth(browser)).as(shot + ": nothing to scroll sideways").isTrue();
        Chromium.screenshot(browser, shot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"city", "district", "dispatcher", "community", "grid", "department", "resident", "socialorg",
            "auditor", "secadmin", "admin"})
    void eachRolesHomeAndMainPageOnAPhoneAndADeskInBothLanguages(String role) throws Exception {
        PopulationFixture.ensure(context);
        for (int width : new int[] {375, 1366}) {
            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(width, width < 800 ? 812 : 900));
            signIn(role, TestAccounts.PASSWORD);
            for (String lang : List.of("zh-CN", "en")) {
                String look = role + "-" + width + "-" + lang;
                browser.get(url("/?lang=" + lang));
                looksRight("home-" + look);
                List<WebElement> items = browser.findElements(By.cssSelector("nav.menu > a"));
                assertThat(items).as("a home and at least one other place to go").hasSizeGreaterThan(1);
                if (width == 375) {
                    var tabs = items.stream().filter(WebElement::isDisplayed).toList();
                    assertThat(tabs).as("the bottom bar's items").hasSizeBetween(1, 4);
                    for (WebElement tab : tabs) {
                        assertThat(tab.getSize().getHeight()).as("a finger-sized tab").isGreaterThanOrEqualTo(44);
                    }
                    tap(By.cssSelector("label.more-label"));
                    assertThat(browser.findElement(By.cssSelector("form.logout button")).isDisplayed()).as("signing out under more").isTrue();
                    assertThat(items).as("every item within reach once more is open").allMatch(WebElement::isDisplayed);
                    Chromium.screenshot(browser, "more-" + look);
                    tap(By.cssSelector("label.more-label"));
                }
                String main = items.get(1).getAttribute("href");
                browser.get(main + (main.contains("?") ? "&" : "?") + "lang=" + lang);
                looksRight("main-" + look);
            }
            signOut();
        }
    }
}
