package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.SentMessages;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case through the loop in the browser, by four roles: a resident (or a grid worker for a
 * resident without an account, with a photo) reports it on a phone, the sub-district dispatcher
 * accepts and dispatches it, the department takes it up (from its notice) and reports it done, the
 * community worker verifies and closes it, and the resident rates it: signed in, or by the link
 * the closing SMS brought.
 */
class CaseBrowserTests extends BrowserTest {

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
        assertThat(browser.findElement(By.id("note-feedback")).getAttribute("required")).as("the page asks before sending").isNotNull();
        browser.findElement(By.id("note-feedback")).sendKeys(" ");
        clickAndWaitFor(By.id("do-feedback"), d -> d.findElements(By.cssSelector("#step-feedback .field-error")).size() > 0);
        assertThat(browser.findElement(By.cssSelector("#note-feedback + p.field-error")).getText()).as("right under the note")
                .isEqualTo("请写明怎么处置的（做了什么、结果如何）");
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
        tap(By.id("rating-SATISFIED"));
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

    @Autowired
    SentMessages sent;

    /** A real photo, as a phone's camera would give it. */
    private static Path photo(String name, Color colour) throws Exception {
        var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillOval(200, 120, 240, 240);
        g.dispose();
        Path file = Files.createTempDirectory("gongzhi-photo").resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    private void openNoticeAbout(long id) throws Exception {
        clickAndWaitForUrlEnding(By.id("notices-link"), "/notices");
        Chromium.screenshot(browser, "notices-zh");
        clickAndWaitFor(By.xpath("//ul[@id='notices']//button[contains(., '#" + id + " ')]"), d -> d.getCurrentUrl().endsWith("/cases/" + id));
    }

    @Test
    void aGridWorkersReportWithAPhotoReachesTheResidentsRatingByTheSmsLink() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("grid", TestAccounts.PASSWORD);
        browser.get(url("/cases/new"));
        new Select(browser.findElement(By.id("category"))).selectByValue("E0101");
        browser.findElement(By.id("description")).sendKeys("3 栋门口垃圾堆放，王阿姨走访时反映");
        new Select(browser.findElement(By.id("place"))).selectByValue("510107005001");
        browser.findElement(By.id("reporterName")).sendKeys("王阿姨");
        browser.findElement(By.id("contactPhone")).sendKeys("13900005678");
        browser.findElement(By.id("photos")).sendKeys(photo("现场.jpg", new Color(120, 90, 60)).toString());
        assertThat(browser.findElement(By.id("photos-chosen")).getText()).contains("现场.jpg");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "case-grid-report-phone-zh");
        clickAndWaitFor(By.id("submit-report"), d -> d.getCurrentUrl().contains("done=report"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/my/cases/(\\d+).*", "$1"));
        assertThat(browser.findElements(By.cssSelector("#timeline ul.files img"))).hasSize(1);
        signOut();

        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/cases/" + id));
        assertThat(browser.findElement(By.id("reporter")).getText()).isEqualTo("王阿姨 · 139****5678");
        take("accept");
        take("dispatch");
        signOut();

        signIn("department", TestAccounts.PASSWORD);
        assertThat(browser.findElement(By.cssSelector("#notices-link .badge")).getText()).matches("[1-9][0-9]*");
        openNoticeAbout(id);
        take("receive");
        browser.findElement(By.id("note-feedback")).sendKeys("已清运，设置临时围挡");
        browser.findElement(By.id("photos-feedback")).sendKeys(photo("清运后.jpg", new Color(60, 140, 80)).toString());
        take("feedback");
        assertThat(browser.findElements(By.cssSelector("#timeline ul.files img"))).hasSize(2);
        Chromium.screenshot(browser, "case-feedback-photos-zh");
        signOut();

        signIn("community", TestAccounts.PASSWORD);
        openNoticeAbout(id);
        browser.findElement(By.id("note-close")).sendKeys("现场核实已清理");
        take("close");
        signOut();

        // the resident has no account: the SMS they got at closing opens the rating page on their phone
        var sms = sent.await(m -> m.address().equals("13900005678") && m.text().contains("#" + id));
        String link = sms.text().substring(sms.text().indexOf("/r/"));
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url(link));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("已清运，设置临时围挡").contains("现场核实已清理");
        tap(By.id("rating-SATISFIED"));
        clickAndWaitFor(By.id("do-rate"), d -> d.getCurrentUrl().contains("done=rate"));
        assertThat(browser.findElement(By.id("main")).getText()).contains("谢谢您的评价").contains("满意");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "case-rated-by-link-phone-zh");
        browser.get(url(link + "?lang=en"));
        assertThat(browser.findElement(By.id("rating")).getText()).isEqualTo("Satisfied");
        Chromium.screenshot(browser, "case-rated-by-link-phone-en");

        // the grid worker who reported it hears of the closing on their phone, and chooses SMS as well
        browser.get(url("/?lang=zh-CN"));
        signIn("grid", TestAccounts.PASSWORD);
        browser.get(url("/notices?lang=en"));
        assertThat(browser.findElement(By.id("notices")).getText()).contains("(case #" + id + ") is closed");
        Chromium.screenshot(browser, "notices-phone-en");
        browser.get(url("/?lang=zh-CN"));
        clickAndWaitForUrlEnding(By.id("notices-link"), "/notices");
        assertThat(browser.findElement(By.id("notices")).getText()).contains("（案件 #" + id + "）已办结");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "notices-phone-zh");
        clickAndWaitFor(By.xpath("//ul[@id='notices']//button[contains(., '#" + id + "）')]"), d -> d.getCurrentUrl().endsWith("/my/cases/" + id));
        browser.get(url("/account#delivery"));
        browser.findElement(By.id("delivery-phone")).sendKeys("1380000");
        clickAndWaitFor(By.id("delivery-save"), d -> !d.findElements(By.cssSelector("#delivery .field-error")).isEmpty());
        assertThat(browser.findElement(By.id("delivery")).getText()).contains("请填写 11 位手机号");
        browser.findElement(By.id("delivery-phone")).clear();
        browser.findElement(By.id("delivery-phone")).sendKeys("13800001111");
        tap(By.id("delivery-sms"));
        clickAndWaitFor(By.id("delivery-save"), d -> d.getPageSource().contains("通知方式已保存"));
        assertThat(browser.findElement(By.id("delivery-phone")).getAttribute("placeholder")).contains("138****1111");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "delivery-phone-zh");
    }

    @Autowired
    io.gongzhi.casework.Cases cases;

    @Test
    void aPhotoLinkSentByAnotherAppShowsOnTheCaseAndFitsAPhone() throws Exception {
        String link = "https://media.example.org/reports/2026/11/30/IMG_20261130_091522_photo-of-the-overflowing-bin.jpg";
        long id = cases.report(new io.gongzhi.casework.Cases.Report("E0101", "路口垃圾桶满溢（照片见链接）", null, null, "510107005001", "玉林北路 8 号",
                io.gongzhi.casework.Channel.OPEN311, "", null, link),
                new io.gongzhi.shared.Actor(null, "open311-app", java.util.Set.of("RESIDENT"), java.util.Set.of("case.report"),
                        io.gongzhi.shared.Jurisdiction.NONE)).id();
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("dispatcher", TestAccounts.PASSWORD);
        browser.get(url("/cases/" + id));
        var shown = browser.findElement(By.id("media-url"));
        assertThat(shown.getText()).isEqualTo(link);
        assertThat(shown.getAttribute("rel")).contains("noreferrer");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("照片/视频链接");
        assertThat(Chromium.fitsWidth(browser)).as("a long link wraps instead of widening the page").isTrue();
        Chromium.screenshot(browser, "case-media-link-phone-zh");
        browser.get(url("/cases/" + id + "?lang=en"));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Photo or video link");
        Chromium.screenshot(browser, "case-media-link-phone-en");
    }
}
