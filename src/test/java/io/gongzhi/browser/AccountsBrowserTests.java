package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system administrator creates a community worker bound to one community; the worker
 * signs in on a phone and sees that community and nothing beside it; the auditor finds the
 * account's creation in the log and checks the log is intact.
 */
class AccountsBrowserTests extends BrowserTest {

    @Test
    void anAdministratorCreatesACommunityWorkerWhoSeesOnlyTheirCommunity() throws Exception {
        signIn("admin", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("账号管理"), "/admin/accounts");
        String username = "yulin.east." + (System.nanoTime() % 100_000);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("孙悦");
        tap(By.cssSelector("input[name=roles][value=COMMUNITY_WORKER]"));
        browser.findElement(By.id("unit-picker")).sendKeys("玉林东路");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#unit-results .pick-unit")).isEmpty());
        tap(By.cssSelector("#unit-results .pick-unit"));
        assertThat(browser.findElement(By.id("units-chosen")).getText()).as("the place by name").contains("玉林东路社区");
        assertThat(browser.findElement(By.cssSelector("#units-chosen input[name=units]")).getAttribute("value")).isEqualTo("510107005002");
        Chromium.screenshot(browser, "accounts-new-zh");
        clickAndWaitFor(By.cssSelector("#new-account button.primary"), d -> !d.findElements(By.id("one-time-password")).isEmpty());
        String password = browser.findElement(By.cssSelector("#one-time-password code")).getText();
        assertThat(password).hasSize(16);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("孙悦 (" + username + ")");
        Chromium.screenshot(browser, "accounts-created-zh");

        signOut();
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn(username, password);
        assertThat(browser.getCurrentUrl()).as("a handed-over password is replaced first").endsWith("/login/password");
        browser.findElement(By.id("current")).sendKeys(password);
        browser.findElement(By.id("new-password")).sendKeys("Sun-Yue#Yulin2026");
        Chromium.screenshot(browser, "password-change-phone");
        clickAndWaitFor(By.cssSelector("main form button.primary"), d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("/geo"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".tree a.unit")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".tree > li a.unit"))).extracting(e -> e.getText()).containsExactly("玉林东路社区");
        browser.findElement(By.id("geo-q")).sendKeys("玉林");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#geo-results li")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#geo-results a.unit"))).extracting(e -> e.getText()).containsExactly("玉林东路社区");
        Chromium.screenshot(browser, "worker-sees-own-community-phone");

        browser.get(url("/geo?unit=510107005001"));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the neighbouring community").contains("不存在");
        browser.get(url("/account"));
        assertThat(browser.findElement(By.id("my-jurisdiction")).getText()).as("the place by name, not by code")
                .contains("武侯区 › 玉林街道 › 玉林东路社区").doesNotContain("510107005002");
        Chromium.screenshot(browser, "my-account-phone");
    }

    @Test
    void anAdministratorOnAPhoneGivesDepartmentStaffADepartmentAndADistrictByName() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("admin", TestAccounts.PASSWORD);
        browser.get(url("/admin/accounts?lang=en"));
        String username = "housing." + (System.nanoTime() % 100_000);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Liu Mei");
        tap(By.cssSelector("input[name=roles][value=DEPARTMENT_STAFF]"));
        browser.findElement(By.id("unit-picker")).sendKeys("武侯");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#unit-results .pick-unit")).isEmpty());
        tap(By.xpath("//ul[@id='unit-results']//button[span[1][normalize-space()='武侯区']]"));
        browser.findElement(By.id("department-filter")).sendKeys("Housing");
        assertThat(browser.findElements(By.cssSelector("#department-list label")).stream().filter(e -> e.isDisplayed()).map(e -> e.getText()))
                .as("the list narrows to what was typed").contains("Housing and Urban-Rural Development").doesNotContain("City Management");
        tap(By.cssSelector("#department-list input[value=housing]"));
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "accounts-new-department-phone-en");
        clickAndWaitFor(By.cssSelector("#new-account button.primary"), d -> !d.findElements(By.id("one-time-password")).isEmpty());
        assertThat(browser.findElement(By.id("units-chosen")).getText()).contains("武侯区");
        assertThat(browser.findElement(By.cssSelector("#department-list input[value=housing]")).isSelected()).isTrue();
        tap(By.cssSelector("#units-chosen .unpick"));
        clickAndWaitFor(By.xpath("//form[.//fieldset[@id='units-picker']]//button[@type='submit']"),
                d -> !d.findElements(By.cssSelector(".field-error")).isEmpty() || !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
        assertThat(browser.findElement(By.tagName("main")).getText()).as("department staff need a place")
                .contains("This role needs at least one place it is responsible for.");
        Chromium.screenshot(browser, "accounts-place-missing-phone-en");
    }

    @Test
    void theAuditorFindsWhatWasDoneAndChecksTheLogInEnglish() throws Exception {
        signIn("auditor", TestAccounts.PASSWORD);
        browser.get(url("/audit?lang=en"));
        browser.findElement(By.name("action")).sendKeys("account.create");
        clickAndWaitFor(By.cssSelector("form.filters button"), d -> d.getCurrentUrl().contains("action=account.create"));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).contains("account.create").contains("Success");
        clickAndWaitFor(By.cssSelector("form[action$='/audit/verify'] button"), d -> !d.findElements(By.id("chain-report")).isEmpty());
        assertThat(browser.findElement(By.id("chain-report")).getText()).startsWith("The audit log is intact");
        Chromium.screenshot(browser, "audit-en");
    }

    @Test
    void theSecurityAdministratorTightensThePolicyAndAWorkerSetsUpASecondFactor() throws Exception {
        signIn("secadmin", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("登录策略"), "/admin/policy");
        var lock = browser.findElement(By.id("lockMinutes"));
        lock.clear();
        lock.sendKeys("3");
        clickAndWaitFor(By.cssSelector("main form button.primary"), d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("应在 5 到 1440 之间。");
        lock = browser.findElement(By.id("lockMinutes"));
        lock.clear();
        lock.sendKeys("30");
        clickAndWaitFor(By.cssSelector("main form button.primary"), d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
        assertThat(browser.findElement(By.id("lockMinutes")).getAttribute("value")).isEqualTo("30");
        Chromium.screenshot(browser, "policy-zh");
        signOut();

        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("grid", TestAccounts.PASSWORD);
        browser.get(url("/account"));
        clickAndWaitForUrlEnding(By.linkText("设置两步验证"), "/account/second-factor");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("var i = document.querySelector('img.qr'); return i.complete && i.naturalWidth > 0;"));
        assertThat(browser.findElement(By.id("totp-secret")).getText()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "second-factor-setup-phone");
    }
}
