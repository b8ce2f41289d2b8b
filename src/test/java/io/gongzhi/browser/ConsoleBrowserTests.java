package io.gongzhi.browser;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Channel;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.identity.Accounts;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher console in the browser: the sub-district dispatcher accepts and dispatches the
 * cases ticked in the queue in two bulk steps and sees what was refused; the district committee
 * finds an open case on the map on a phone and opens it.
 */
class ConsoleBrowserTests extends BrowserTest {

    @Autowired
    Cases cases;
    @Autowired
    Accounts accounts;
    @Autowired
    Hierarchy hierarchy;

    private long report(String description, Double lon, Double lat) {
        var grid = accounts.find("grid").orElseThrow();
        var reporter = new Actor(grid.id(), "grid", Set.of("GRID_WORKER"), Set.of("case.report"),
                Jurisdiction.of(RegionPath.of("/5101/510107/510107005")));
        if (lon != null) {
            var resident = accounts.find("resident").orElseThrow();
            reporter = new Actor(resident.id(), "resident", Set.of("RESIDENT"), Set.of("case.report"), Jurisdiction.NONE);
        }
        return cases.report(new Cases.Report("E0101", description, lon, lat, lon == null ? "510107005001" : null, "",
                lon == null ? Channel.GRID : Channel.RESIDENT, ""), reporter).id();
    }

    private void tick(long... ids) {
        for (long id : ids) {
            tap(By.cssSelector("input[name=ids][value='" + id + "']"));
        }
    }

    private String applyBulk(String action, String department) {
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue(action);
        if (department != null) {
            new Select(browser.findElement(By.id("bulk-department"))).selectByValue(department);
        }
        clickAndWaitFor(By.id("bulk-apply"), d -> !d.findElements(By.id("bulk-done")).isEmpty());
        return browser.findElement(By.id("bulk-done")).getText();
    }

    @Test
    void theDispatcherWorksAScreenfulAtOnceAndTheCommitteeFindsACaseOnTheMap() throws Exception {
        long a = report("控制台批量：垃圾堆放一", null, null);
        long b = report("控制台批量：垃圾堆放二", null, null);
        long c = report("控制台批量：垃圾堆放三", null, null);
        var anyone = new Actor(null, "seed", Set.of("SUBDISTRICT_DISPATCHER"), Set.of("case.read", "case.dispatch"), Jurisdiction.EVERYWHERE);
        cases.act(c, Cases.Command.of(CaseAction.ACCEPT, ""), anyone);

        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/cases?state=REPORTED"));
        tick(a, b);
        assertThat(applyBulk("accept", null)).contains("已办理 2 件");
        browser.get(url("/cases?state=ACCEPTED"));
        tick(a, b, c);
        assertThat(browser.findElement(By.id("bulk-co-handlers")).isDisplayed()).as("departments only for a dispatch")
                .isEqualTo("dispatch".equals(new Select(browser.findElement(By.id("bulk-action"))).getFirstSelectedOption().getAttribute("value")));
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("dispatch");
        var coHandlers = new Select(browser.findElement(By.id("bulk-co-handlers")));
        coHandlers.selectByValue("water");
        browser.executeScript("document.getElementById('bulk').scrollIntoView()");
        Chromium.screenshot(browser, "console-bulk-form-dispatcher-zh");
        assertThat(applyBulk("dispatch", "city-management")).contains("已办理 3 件");
        browser.get(url("/cases/" + b));
        assertThat(browser.findElements(By.cssSelector("dl.facts .chip")).stream().map(e -> e.getText()).toList())
                .as("the lead and the co-handler chosen in bulk are on each case").anyMatch(t -> t.startsWith("城市管理委员会"))
                .contains("水务局 · 协办");
        browser.get(url("/cases"));
        tick(a);
        String refused = applyBulk("accept", null);
        assertThat(refused).contains("已办理 0 件").contains("1 件未能办理").contains("#" + a).contains("已派遣");
        Chromium.screenshot(browser, "console-bulk-dispatcher-zh");
        browser.get(url("/cases?lang=en"));
        tick(a);
        assertThat(applyBulk("accept", null)).as("the same refusal in English")
                .contains("0 cases done").contains("1 case could not be done:").contains("#" + a).contains("dispatched");
        Chromium.screenshot(browser, "console-bulk-dispatcher-en");
        browser.get(url("/cases?lang=zh-CN"));

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/cases"));
        tap(By.cssSelector("#filters summary"));
        new Select(browser.findElement(By.id("within"))).selectByVisibleText("玉林北路社区");
        clickAndWaitFor(By.cssSelector("#filters button.primary"), d -> d.getCurrentUrl().contains("within=510107005001"));
        assertThat(browser.findElements(By.cssSelector("td.place")).stream().map(e -> e.getText()).toList())
                .as("only the community chosen by name, and the places below it").isNotEmpty()
                .allSatisfy(place -> assertThat(place).startsWith("玉林北路社区"));
        assertThat(new Select(browser.findElement(By.id("within"))).getFirstSelectedOption().getText()).isEqualTo("玉林北路社区");
        Chromium.screenshot(browser, "console-place-filter-phone-zh");
        browser.manage().window().setSize(new Dimension(1280, 900));

        var inside = hierarchy.pointIn("510107", new java.util.Random(1)).orElseThrow();
        report("控制台地图：建筑垃圾堆在路边", inside.getX(), inside.getY());
        signOut();
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("district", TestAccounts.PASSWORD);
        browser.get(url("/cases"));
        clickAndWaitForUrlEnding(By.id("to-map"), "/cases/map");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("case-map")).getAttribute("data-drawn") != null);
        assertThat(Integer.parseInt(browser.findElement(By.id("case-map")).getAttribute("data-drawn"))).isGreaterThanOrEqualTo(1);
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        browser.executeScript("var m = document.querySelectorAll('#case-map path.leaflet-interactive');"
                + "m[m.length - 1].dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".leaflet-popup a.open-case")).isEmpty());
        browser.executeScript("document.getElementById('case-map').scrollIntoView()");
        Chromium.screenshot(browser, "console-map-district-phone-zh");
        String popup = browser.findElement(By.cssSelector(".leaflet-popup")).getText();
        assertThat(popup).as("names in the page's language, whatever the browser's").contains("打开案件").contains("暴露垃圾");
        clickAndWaitFor(By.cssSelector(".leaflet-popup a.open-case"), d -> d.getCurrentUrl().matches(".*/cases/\\d+$"));
        assertThat(browser.findElement(By.id("state")).getText()).as("the case opens from the map").isNotBlank();

        browser.get(url("/cases/map?lang=en"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("case-map")).getAttribute("data-drawn") != null);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Map of cases");
        Chromium.screenshot(browser, "console-map-district-phone-en");
    }
}
