package io.gongzhi.browser;

import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.SentMessages;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS gateway refused a notice until it was given up on; the system administrator finds it
 * under 送达与重试, sees to whom (masked) and why, and sends it again; on a phone, in English, the
 * page says everything went out.
 */
@TestPropertySource(properties = "gongzhi.notices.attempts=1")
class DeliveriesBrowserTests extends BrowserTest {

    @Autowired
    Notices notices;
    @Autowired
    SentMessages sent;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorSendsAGivenUpSmsAgain() throws Exception {
        long community = jdbc.sql("select id from identity_account where username = 'community'").query(Long.class).single();
        notices.setDelivery(community, "13912345678", "", true, false);
        String source = "browser:" + UUID.randomUUID();
        sent.failNext(1);
        notices.notify(source, Recipients.account(community), "notice.case.fed-back", List.of("6001", "送达测试：井盖松动", ""), "/cases/6001");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(jdbc.sql("select state from identity_outbox where source like :s")
                .param("s", source + "%").query(String.class).single()));

        signIn("admin", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("送达与重试"), "/admin/deliveries");
        String list = browser.findElement(By.id("messages")).getText();
        assertThat(list).contains("案件 #6001 已处置完毕").contains("139****5678").contains("已放弃（试了 1 次）").contains("gateway timed out")
                .doesNotContain("13912345678");
        Chromium.screenshot(browser, "deliveries-zh");

        clickAndWaitFor(By.xpath("//tr[contains(., '#6001')]//button"), d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("已重新发送。");
        var toast = browser.findElement(By.cssSelector(".alert.ok"));
        assertThat(toast.getCssValue("position")).as("the confirmation floats over the page as a toast").isEqualTo("fixed");
        Chromium.screenshot(browser, "deliveries-resent-toast-zh");
        assertThat(browser.findElement(By.cssSelector(".toast-close")).getAttribute("aria-label")).isEqualTo("关闭提示");
        tap(By.cssSelector(".toast-close"));
        assertThat(toast.isDisplayed()).as("closed with its ×").isFalse();
        assertThat(sent.all(m -> m.text().contains("送达测试"))).as("sent once, when asked").hasSize(1);
        assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain("#6001");

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/admin/deliveries?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Deliveries and retries");
        assertThat(browser.findElement(By.id("reactions")).getText()).contains("Every reaction has completed.");
        Chromium.screenshot(browser, "deliveries-phone-en");
    }
}
