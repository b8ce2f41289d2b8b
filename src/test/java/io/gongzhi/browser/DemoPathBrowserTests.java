package io.gongzhi.browser;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.SentMessages;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's path with nothing but the pages' defaults: the grid worker starts a report from the
 * home on a phone and places it with the phone's position; each person after finds the case from
 * the home's count of what waits for them and takes the step the page offers first (the dispatcher
 * sends it to the department the catalogue proposes, which is the demo department); the resident
 * rates it from the SMS link. Each on the screen they would use, in zh-CN or en.
 */
class DemoPathBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    SentMessages sent;

    private static final String WHAT = "默认路径：单元门口垃圾堆了三天";

    private void screen(int width) {
        browser.manage().window().setSize(new Dimension(width, width < 800 ? 812 : 900));
    }

    /** From the home's count of what waits at {@code href} to this case, then the step the page offers first; answers the step taken. */
    private String takeTheOfferedStep(String href, String note) {
        clickAndWaitFor(By.cssSelector("#waiting a.tile[href='" + href + "']"), d -> d.getCurrentUrl().contains("/cases"));
        clickAndWaitFor(By.xpath("//table[@id='cases']//a[contains(., '" + WHAT + "')]"), d -> d.getCurrentUrl().matches(".*/cases/\\d+$"));
        if (note != null) {
            browser.findElement(By.cssSelector("#steps-to-take form.primary textarea[name=note]")).sendKeys(note);
        }
        String before = browser.getCurrentUrl();
        clickAndWaitFor(By.cssSelector("#steps-to-take form.primary button[type=submit]"), d -> d.getCurrentUrl().contains("done="));
        assertThat(browser.getCurrentUrl()).startsWith(before);
        return browser.getCurrentUrl().replaceAll(".*done=", "");
    }

    @Test
    void fromTheGridWorkersReportToTheResidentsRatingWithTheDefaultChoices() throws Exception {
        PopulationFixture.ensure(context);
        var at = hierarchy.pointIn("510107005001", new Random(20)).orElseThrow();

        screen(375);
        signIn("grid", TestAccounts.PASSWORD);
        // the home's first button, unless a directive waits to be acknowledged (then it comes second)
        clickAndWaitFor(By.cssSelector("#starts a[href='/cases/new']"), d -> d.getCurrentUrl().endsWith("/cases/new"));
        new Select(browser.findElement(By.id("category"))).selectByValue("E0101");
        browser.findElement(By.id("description")).sendKeys(WHAT);
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", java.util.List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", at.y, "longitude", at.x, "accuracy", 10));
        tap(By.id("locate-me"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("located")).getText().contains("玉林北路社区"));
        browser.findElement(By.id("reporterName")).sendKeys("王阿姨");
        browser.findElement(By.id("contactPhone")).sendKeys("13900002468");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "path-1-grid-report-375-zh");
        clickAndWaitFor(By.id("submit-report"), d -> d.getCurrentUrl().contains("done=report"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/my/cases/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).as("what happens next").contains("街道指挥中心受理后");
        signOut();

        screen(1366);
        signIn("dispatcher", TestAccounts.PASSWORD);
        assertThat(takeTheOfferedStep("/cases?todo=true&state=REPORTED", null)).isEqualTo("accept");
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("下一步：派给主办部门");
        assertThat(new Select(browser.findElement(By.cssSelector("#steps-to-take form.primary select[name=department]")))
                .getFirstSelectedOption().getText()).as("the catalogue's department, proposed").isEqualTo("城市管理委员会");
        clickAndWaitFor(By.cssSelector("#steps-to-take form.primary button[type=submit]"), d -> d.getCurrentUrl().contains("done=dispatch"));
        Chromium.screenshot(browser, "path-2-dispatcher-1366-zh");
        signOut();

        screen(375);
        browser.get(url("/?lang=en"));
        signIn("department", TestAccounts.PASSWORD);
        assertThat(takeTheOfferedStep("/cases?todo=true&state=DISPATCHED", null)).isEqualTo("receive");
        browser.get(url("/"));
        assertThat(takeTheOfferedStep("/cases?todo=true", "Cleared and disinfected; collection twice a day now")).isEqualTo("feedback");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "path-3-department-375-en");
        signOut();

        browser.get(url("/?lang=zh-CN"));
        signIn("community", TestAccounts.PASSWORD);
        assertThat(takeTheOfferedStep("/cases?todo=true&state=FED_BACK", "现场核实已清理干净")).isEqualTo("close");
        assertThat(browser.findElements(By.id("steps-to-take"))).as("a closed case offers the community nothing more").isEmpty();
        Chromium.screenshot(browser, "path-4-community-375-zh");
        signOut();

        var sms = sent.await(m -> m.address().equals("13900002468") && m.text().contains("#" + id));
        browser.manage().deleteAllCookies();
        browser.get(url(sms.text().substring(sms.text().indexOf("/r/"))));
        tap(By.id("rating-SATISFIED"));
        clickAndWaitFor(By.id("do-rate"), d -> d.getCurrentUrl().contains("done=rate"));
        assertThat(browser.findElement(By.id("main")).getText()).contains("谢谢您的评价").contains("满意");
        assertThat(browser.findElements(By.id("do-rate"))).as("once rated, no rating form").isEmpty();
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "path-5-resident-rated-375-zh");
    }
}
