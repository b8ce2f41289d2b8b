package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case through the loop in the browser, by four roles: a resident reports it on a phone, the
 * sub-district dispatcher accepts and dispatches it, the department takes it up and reports it
 * done, the community worker verifies and closes it, and the resident rates it (in English).
 */
class CaseBrowserTests extends BrowserTest {

    private void signOut() {
        browser.findElement(By.cssSelector("form.logout button")).click();
    }

    private void take(String action) {
        clickAndWaitFor(By.id("do-" + action), d -> d.getCurrentUrl().contains("done=" + action));
    }

    @Test
    void aResidentsReportIsDispatchedHandledVerifiedAndRated() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("resident", TestAccounts.PASSWORD);
        browser.get(url("/cases/new"));
        new Select(browser.findElement(By.id("category"))).selectByValue("E0101");
        browser.findElement(By.id("description")).sendKeys("小区门口的垃圾两天没人清运，气味很大");
        // no place yet: the form comes back saying so, with what was typed kept
        clickAndWaitFor(By.id("submit-report"), d -> !d.findElements(By.cssSelector("#report .field-error")).isEmpty());
        assertThat(browser.findElement(By.id("report")).getText()).contains("请在地图上选点");
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEqualTo("小区门口的垃圾两天没人清运，气味很大");
        browser.findElement(By.id("place")).sendKeys("510107005001");
        browser.findElement(By.id("address")).sendKeys("玉林北路 8 号");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "case-report-phone-zh");
        clickAndWaitFor(By.id("submit-report"), d -> d.getCurrentUrl().contains("done=report"));
        String path = browser.getCurrentUrl().replaceAll(".*/my/cases/(\\d+).*", "$1");
        long id = Long.parseLong(path);
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("待受理");
        signOut();

        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn("dispatcher", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("案件"), "/cases");
        assertThat(browser.findElement(By.id("cases")).getText()).contains("小区门口的垃圾");
        Chromium.screenshot(browser, "case-queue-dispatcher-zh");
        browser.get(url("/cases/" + id));
        take("accept");
        assertThat(new Select(browser.findElement(By.id("lead-dispatch"))).getFirstSelectedOption().getText())
                .as("the catalogue's department is proposed").isEqualTo("城市管理委员会");
        take("dispatch");
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已派遣");
        signOut();

        signIn("department", TestAccounts.PASSWORD);
        browser.get(url("/cases/" + id));
        take("receive");
        clickAndWaitFor(By.id("do-feedback"), d -> d.findElements(By.cssSelector("#step-feedback .field-error")).size() > 0);
        assertThat(browser.findElement(By.id("step-feedback")).getText()).contains("请写明理由");
        browser.findElement(By.id("note-feedback")).sendKeys("已清运并消杀，增加清运频次");
        take("feedback");
        signOut();

        signIn("community", TestAccounts.PASSWORD);
        browser.get(url("/cases/" + id));
        browser.findElement(By.id("note-close")).sendKeys("现场核实已清理干净");
        take("close");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("上报").contains("派遣").contains("处置反馈").contains("核查结案")
                .contains("已清运并消杀");
        Chromium.screenshot(browser, "case-closed-timeline-zh");
        signOut();

        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("resident", TestAccounts.PASSWORD);
        browser.get(url("/my/cases/" + id + "?lang=en"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("closed");
        browser.findElement(By.id("rating-SATISFIED")).click();
        take("rate");
        assertThat(browser.findElement(By.id("rating")).getText()).isEqualTo("Satisfied");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "case-rated-phone-en");
        signOut();

        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/?lang=zh-CN"));
        clickAndWaitForUrlEnding(By.linkText("考核"), "/cases/evaluation");
        String row = browser.findElement(By.id("evaluation")).getText();
        assertThat(row).contains("城市管理委员会").contains("100.0%");
        Chromium.screenshot(browser, "case-evaluation-zh");
    }
}
