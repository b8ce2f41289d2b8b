package io.gongzhi.browser;

import io.gongzhi.geography.BoundaryImports;
import io.gongzhi.geography.DivisionImports;
import io.gongzhi.geography.GridGeneration;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.shared.Progress;
import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A city committee member finds a sub-district on the map, drills down and asks where a point is; the tree opens on a phone. */
class GeographyBrowserTests extends BrowserTest {

    @Autowired
    GridGeneration generation;

    @Autowired
    Hierarchy hierarchy;

    @Autowired
    DivisionImports divisions;

    @Autowired
    BoundaryImports boundaries;

    @BeforeEach
    void aGeneratedCity() {
        if (hierarchy.countsByLevel().getOrDefault(Level.GRID, 0L) == 0) {
            // a light city: every community gets at least one grid, so drilling works everywhere
            generation.generate("5101", 3, 300_000, 400, 44, Progress.NONE);
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private int drawnAreas() {
        return browser.findElements(By.cssSelector("#map path.leaflet-interactive")).size();
    }

    @Test
    void findASubdistrictDrillDownAndLocateAPoint() throws Exception {
        signIn("city", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("网格地图"), "/geo");
        waiting().until(d -> drawnAreas() == 20);

        browser.findElement(By.id("geo-q")).sendKeys("玉林");
        waiting().until(d -> !d.findElements(By.linkText("玉林街道")).isEmpty());
        browser.findElement(By.linkText("玉林街道")).click();
        int wuhouSubdistricts = hierarchy.children("510107").size();
        waiting().until(d -> drawnAreas() >= wuhouSubdistricts && d.findElement(By.id("geo-crumbs")).getText().contains("武侯区"));
        assertThat(browser.findElement(By.id("geo-crumbs")).getText()).isEqualTo("成都市 › 武侯区");
        Chromium.screenshot(browser, "geo-zh");

        // a click in the middle of the map names the whole chain down to the compound
        browser.findElement(By.id("map")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#geo-located div")).size() == 5);
        String located = browser.findElement(By.id("geo-located")).getText();
        assertThat(located).contains("区（市）县：武侯区").contains("街道（镇）：").contains("社区（村）：")
                .contains("网格：").contains("小区（院落）：");
        Chromium.screenshot(browser, "geo-zh-located");
    }

    @Test
    void theTreeOpensOnAPhoneInEnglish() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("city", TestAccounts.PASSWORD);
        browser.get(url("/geo?lang=en"));
        waiting().until(d -> drawnAreas() == 20);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Grid map");
        assertThat(Chromium.fitsWidth(browser)).as("fits a 375-px screen").isTrue();

        browser.findElement(By.cssSelector(".tree summary")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".tree")).getText().contains("锦江区"));
        assertThat(browser.findElement(By.cssSelector(".tree")).getText()).contains("District");
        Chromium.screenshot(browser, "geo-en-phone");
    }

    /** A name that looks like HTML (imported from a file, say), which must show as the text it is. */
    static final String HTML_NAME = "<img src=x onerror=alert(1)>社区";

    @Test
    void aPlaceWhoseNameLooksLikeHtmlShowsTheNameAsTextInTheMapTooltip() throws Exception {
        divisions.importCsv(("code,name,level,parent_code\n510104901,<b>红星</b>街道,subdistrict,510104\n"
                + "510104901001," + HTML_NAME + ",community,510104901\n").getBytes(StandardCharsets.UTF_8), Progress.NONE);
        String square = "[[104.100,30.600],[104.110,30.600],[104.110,30.610],[104.100,30.610],[104.100,30.600]]";
        boundaries.importGeoJson(("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":"
                + "\"510104901001\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + square + "]}}]}").getBytes(StandardCharsets.UTF_8),
                Level.COMMUNITY, "browser test", Progress.NONE);

        signIn("city", TestAccounts.PASSWORD);
        browser.get(url("/geo?unit=510104901001"));
        waiting().until(d -> d.findElement(By.id("geo-crumbs")).getText().contains("<b>红星</b>街道"));
        // the sub-district's own map, without the highlight drawn over the community the page was opened on
        browser.findElement(By.cssSelector("#geo-crumbs a[data-code='510104901']")).click();
        waiting().until(d -> drawnAreas() == 1 && d.findElements(By.cssSelector("#map path[stroke='#1a73e8']")).isEmpty());

        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#map path.leaflet-interactive"))).perform();
        waiting().until(d -> !d.findElements(By.cssSelector(".leaflet-tooltip")).isEmpty());
        var tooltip = browser.findElement(By.cssSelector(".leaflet-tooltip"));
        assertThat(tooltip.getText()).isEqualTo(HTML_NAME + " · 社区（村）");
        assertThat(tooltip.findElements(By.cssSelector("img, b"))).as("no element made from the name").isEmpty();
        assertThat(browser.findElement(By.id("geo-crumbs")).getText()).isEqualTo("成都市 › 锦江区 › <b>红星</b>街道");
        Chromium.screenshot(browser, "geo-zh-html-name");
    }
}
