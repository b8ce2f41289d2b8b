package io.gongzhi.browser;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Door-to-door screening end to end: the sub-district plans a campaign from a preset form and opens
 * its first round at a desk; a grid worker on a phone picks a grid, loses the connection, visits
 * two households (one with a fever, one not at home) and sees them kept on the phone; when the
 * connection returns they arrive by themselves, once; the sub-district sees them in its coverage.
 */
class ScreeningBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private void waitUntil(Function<WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(until);
    }

    private void offline(boolean off) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void aCampaignIsPlannedAndAGridWorkerVisitsOfflineAndTheVisitsArriveWhenTheConnectionReturns() throws Exception {
        var people = PopulationFixture.ensure(context);
        PopulationFixture.households(context, people.insideCompound(), 3);
        var grid = context.getBean(Hierarchy.class).unit(people.insideCompound().parentCode());

        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/screening"));
        tap(By.cssSelector("#plan > summary"));
        browser.findElement(By.id("name")).sendKeys("玉林街道入户排查");
        tap(By.id("preset-health"));
        clickAndWaitFor(By.id("do-plan"), d -> d.getCurrentUrl().contains("done=planned"));
        long campaign = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/campaigns/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.id("form")).getText()).contains("最高体温（°C）").contains("14天内从重点地区返回");
        tap(By.cssSelector("#open-round > summary"));
        clickAndWaitFor(By.id("do-open"), d -> d.getCurrentUrl().contains("done=opened"));
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("每一户都有了走访任务");
        assertThat(browser.findElement(By.id("branches")).getText()).as("the communities, by name").contains("玉林北路社区");
        Chromium.screenshot(browser, "screening-campaign-dispatcher-1366-zh-CN");
        signOut();

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/?lang=en"));
        signIn("grid", TestAccounts.PASSWORD);
        browser.get(url("/screening"));
        clickAndWaitFor(By.id("campaign-" + campaign), d -> d.getCurrentUrl().contains("/screening/campaigns/" + campaign));
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "screening-campaign-grid-375-en");
        clickAndWaitFor(By.id("start-visits"), d -> d.getCurrentUrl().contains("/visit"));
        clickAndWaitFor(By.id("place-" + grid.code()), d -> d.getCurrentUrl().contains("unit=" + grid.code()));
        long round = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rounds/(\\d+)/visit.*", "$1"));
        var households = jdbc.sql("select household_id from screening_task where round_id = ? and path = ? order by building, unit_no, room")
                .params(round, people.insideCompound().path()).query(Long.class).list();
        assertThat(households).hasSizeGreaterThanOrEqualTo(2);

        offline(true);
        tap(By.id("h-" + households.get(0)));
        browser.findElement(By.id("vf-people")).sendKeys("2");
        browser.findElement(By.id("vf-temperature")).sendKeys("38.5");
        tap(By.id("vf-symptoms-1")); // 0 is yes, 1 no
        tap(By.id("save-visit"));
        assertThat(browser.findElement(By.id("visit-error")).getText()).as("what is left to answer, by the label its planner wrote")
                .isEqualTo("Please answer: 14天内从外地返回");
        tap(By.id("vf-travelled-0"));
        assertThat(browser.findElement(By.id("vf-origin-0")).isDisplayed()).as("asked only after travel").isTrue();
        tap(By.id("vf-travelled-1"));
        assertThat(browser.findElement(By.id("vf-origin-0")).isDisplayed()).isFalse();
        tap(By.id("save-visit"));
        tap(By.id("h-" + households.get(1)));
        tap(By.cssSelector("#outcome input[value=NOT_HOME]"));
        tap(By.id("save-visit"));
        waitUntil(d -> d.findElement(By.id("sync")).getText().startsWith("No connection: 2 visits"));
        assertThat(browser.findElement(By.cssSelector("#h-" + households.get(0) + " .badge")).getText()).isEqualTo("To send");
        assertThat(jdbc.sql("select count(*) from screening_visit where round_id = ?").param(round).query(Long.class).single()).isZero();
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "screening-visits-offline-grid-375-en");

        offline(false);
        waitUntil(d -> d.findElement(By.id("sync")).getText().equals("All visits sent"));
        assertThat(browser.findElement(By.cssSelector("#h-" + households.get(0) + " .badge")).getText()).isEqualTo("Anomaly");
        assertThat(browser.findElement(By.cssSelector("#h-" + households.get(1) + " .badge")).getText()).isEqualTo("Not at home");
        assertThat(jdbc.sql("select count(*) from screening_visit where round_id = ?").param(round).query(Long.class).single()).isEqualTo(2);
        // nothing left on the phone: a reload sends nothing again
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#h-" + households.get(0) + " .badge")).getText()).isEqualTo("Anomaly");
        Chromium.screenshot(browser, "screening-visits-sent-grid-375-en");
        browser.get(url("/screening/rounds/" + round + "/visit?unit=" + grid.code() + "&lang=zh-CN"));
        tap(By.id("h-" + households.get(2)));
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "screening-visit-form-grid-375-zh-CN");
        signOut();

        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/?lang=en"));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/screening/campaigns/" + campaign + "?unit=" + grid.code()));
        assertThat(browser.findElement(By.id("totals")).getText()).contains("Anomaly\n1").contains("Not at home\n1");
        Chromium.screenshot(browser, "screening-coverage-dispatcher-1366-en");
    }
}
