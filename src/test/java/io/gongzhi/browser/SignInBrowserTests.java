package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/** The first thing anyone does: open the platform, sign in with a demo account, switch language, sign out. */
class SignInBrowserTests extends BrowserTest {

    @Test
    void signInSwitchLanguageAndSignOut() throws Exception {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录共治平台");
        Chromium.screenshot(browser, "login-zh");

        signIn("community", TestAccounts.PASSWORD);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("刘洋，您好");
        assertThat(browser.findElement(By.id("roles-line")).getText()).isEqualTo("社区工作者");
        Chromium.screenshot(browser, "home-zh");

        clickAndWaitFor(By.linkText("English"), d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hello, 刘洋");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
        Chromium.screenshot(browser, "home-en");

        // A phone: 375 px wide, nothing to scroll sideways, the most used items in a bottom bar within
        // reach of a thumb, the others and signing out under "More".
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.navigate().refresh();
        assertThat(Chromium.fitsWidth(browser)).as("page fits a 375-px screen").isTrue();
        var tabs = browser.findElements(By.cssSelector("nav.menu a.tab"));
        long bottom = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerHeight")).longValue();
        long width = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
        assertThat(tabs).as("the bottom bar, at the bottom of the screen, large enough for a thumb").hasSizeBetween(2, 4)
                .allMatch(t -> t.isDisplayed() && t.getRect().getY() + t.getRect().getHeight() >= bottom - 2
                        && t.getRect().getHeight() >= 44 && t.getRect().getX() + t.getRect().getWidth() <= width);
        assertThat(tabs.get(0).getText()).isEqualTo("Home");
        assertThat(browser.findElement(By.cssSelector("form.logout button")).isDisplayed()).as("signing out waits under More").isFalse();
        browser.findElement(By.cssSelector("label.more-label")).click();
        assertThat(browser.findElement(By.cssSelector("form.logout button")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("nav.menu a.extra"))).as("every other item under More")
                .isNotEmpty().allMatch(a -> a.isDisplayed());
        Chromium.screenshot(browser, "home-en-phone-more");
        browser.findElement(By.cssSelector("label.more-label")).click();
        Chromium.screenshot(browser, "home-en-phone");
        browser.findElement(By.cssSelector("label.more-label")).click();

        clickAndWaitForUrlEnding(By.cssSelector("form.logout button"), "/login?logout");
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("You have signed out.");
        Chromium.screenshot(browser, "login-en-phone");

        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("signed out for real").endsWith("/login");
    }

    @Test
    void theLoginPageFitsAPhoneInChinese() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/login"));
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        signIn("grid", "wrong-password");
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText()).isEqualTo("用户名或密码不正确。");
        Chromium.screenshot(browser, "login-zh-phone-error");
    }
}
