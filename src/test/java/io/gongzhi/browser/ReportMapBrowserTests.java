package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident who knows no code finds the place of a problem on the report form's map: district,
 * sub-district and community by name, then a tap sets the pin, and the form names where it fell.
 */
class ReportMapBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    io.gongzhi.geography.Hierarchy hierarchy;

    private void open(String name) {
        tap(By.xpath("//div[@id='map-areas']/button[normalize-space()='" + name + "']"));
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(until);
    }

    /** Taps the map at a point, as a finger would. */
    private void tapOnMapAt(double lon, double lat) {
        WebElement map = browser.findElement(By.id("report-map"));
        @SuppressWarnings("unchecked")
        var at = (Map<String, Number>) browser.executeScript("""
                const m = arguments[0].leafletMap;
                const p = m.latLngToContainerPoint([arguments[2], arguments[1]]);
                const size = m.getSize();
                return {x: p.x - size.x / 2, y: p.y - size.y / 2};""", map, lon, lat);
        new Actions(browser).moveToElement(map, at.get("x").intValue(), at.get("y").intValue()).click().perform();
    }

    @Test
    void aResidentOpensDistrictSubDistrictAndCommunityByNameThenPinsTheProblemOnTheMap() throws Exception {
        PopulationFixture.ensure(context);
        var first = hierarchy.children("510107005001").get(0);
        String grid = first.displayName();
        var inside = hierarchy.pointIn(first.code(), new java.util.Random(5)).orElseThrow();
        for (var look : new String[][] {{"375", "zh-CN"}, {"1366", "en"}}) {
            browser.manage().window().setSize(new Dimension(Integer.parseInt(look[0]), 860));
            signIn("resident", TestAccounts.PASSWORD);
            browser.get(url("/cases/new?lang=" + look[1]));
            new Select(browser.findElement(By.id("category"))).selectByValue("E0101");
            browser.findElement(By.id("description")).sendKeys("路口垃圾桶满了，地图选点");
            assertThat(browser.findElement(By.id("unpin")).isDisplayed()).as("nothing to clear before a pin").isFalse();
            open("武侯区");
            waitFor(d -> !d.findElements(By.xpath("//div[@id='map-areas']/button[normalize-space()='玉林街道']")).isEmpty());
            open("玉林街道");
            waitFor(d -> !d.findElements(By.xpath("//div[@id='map-areas']/button[normalize-space()='玉林北路社区']")).isEmpty());
            open("玉林北路社区");
            waitFor(d -> "GRID".equals(d.findElement(By.id("report-map")).getAttribute("data-area-level")));
            assertThat(browser.findElement(By.id("map-areas")).getText()).as("one level back up").contains(look[1].equals("en") ? "Up one level" : "上一级");
            tapOnMapAt(inside.x, inside.y);
            waitFor(d -> d.findElement(By.id("located")).getText().contains(grid));
            assertThat(browser.findElement(By.id("located")).getText()).contains("武侯区 › 玉林街道 › 玉林北路社区");
            assertThat(browser.findElement(By.id("lon")).getAttribute("value")).isNotEmpty();
            assertThat(Chromium.fitsWidth(browser)).isTrue();
            Chromium.screenshot(browser, "report-map-pinned-" + look[0] + "-" + look[1]);
            clickAndWaitFor(By.id("submit-report"), d -> d.getCurrentUrl().contains("done=report"));
            assertThat(browser.findElement(By.tagName("main")).getText()).as("the case names its place").contains("玉林北路社区");
            signOut();
        }
    }

    @Test
    void aCommunityWhoseGridsAreNotDrawnShowsItsOwnOutlineToPinInside() throws Exception {
        PopulationFixture.ensure(context);
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("resident", TestAccounts.PASSWORD);
        browser.get(url("/cases/new"));
        open("锦江区");
        waitFor(d -> "SUBDISTRICT".equals(d.findElement(By.id("report-map")).getAttribute("data-area-level")));
        tap(By.cssSelector("#map-areas button.chip:not(.up)"));
        waitFor(d -> "COMMUNITY".equals(d.findElement(By.id("report-map")).getAttribute("data-area-level")));
        String community = browser.findElement(By.cssSelector("#map-areas button.chip:not(.up)")).getText();
        tap(By.cssSelector("#map-areas button.chip:not(.up)"));
        waitFor(d -> "1".equals(d.findElement(By.id("report-map")).getAttribute("data-areas-drawn")));
        assertThat(browser.findElement(By.id("map-areas")).getText()).as("nothing further to open, one level back up").isEqualTo("‹ 上一级");
        new Actions(browser).moveToElement(browser.findElement(By.id("report-map"))).click().perform();
        waitFor(d -> d.findElement(By.id("located")).getText().contains(community));
        Chromium.screenshot(browser, "report-map-community-without-grids-375-zh-CN");
    }
}
