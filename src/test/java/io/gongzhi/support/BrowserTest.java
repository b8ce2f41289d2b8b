package io.gongzhi.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.function.Function;

/**
 * A browser test: the application on a random port and a fresh headless Chromium per
 * test. Runs only with {@code mvn -Pbrowser verify} (tag {@code browser}).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fills in the login form as a person would and waits for the page the server answers with. */
    protected void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWaitFor(By.cssSelector("button[type=submit]"), d -> !d.getCurrentUrl().equals(url("/login")));
    }

    /**
     * Signs out with the navigation's button (on a phone under "more") and waits until the
     * sign-out has landed, so the next sign-in starts clean.
     */
    protected void signOut() {
        if (!browser.findElement(By.cssSelector("form.logout button")).isDisplayed()) {
            browser.findElement(By.cssSelector("label.more-label")).click();
        }
        clickAndWaitForUrlEnding(By.cssSelector("form.logout button"), "/login?logout");
    }

    /** Clicks something that loads a new page, then waits until {@code arrived} holds, so no check reads the old page. */
    protected void clickAndWaitFor(By target, Function<WebDriver, Boolean> arrived) {
        tap(target);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(arrived);
    }

    /** Clicks as a person taps: what they tap scrolled into the middle of the screen first, clear of a phone's bottom bar. */
    protected void tap(By target) {
        var element = browser.findElement(target);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    protected void clickAndWaitForUrlEnding(By target, String ending) {
        clickAndWaitFor(target, d -> d.getCurrentUrl().endsWith(ending));
    }
}
