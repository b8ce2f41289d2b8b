package io.gongzhi.browser;

import io.gongzhi.support.BrowserTest;
import io.gongzhi.support.Chromium;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community worker searches, opens the household card and the resident, unmasks the ID with a
 * reason; the auditor finds that unmasking in the log. The grid worker's visit list on a phone.
 */
class PopulationBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    PopulationFixture.People people;

    @BeforeEach
    void people() {
        people = PopulationFixture.ensure(context);
    }

    @Test
    void searchHouseholdCardUnmaskWithReasonThenTheAuditorSeesIt() throws Exception {
        signIn("community", TestAccounts.PASSWORD);
        clickAndWaitForUrlEnding(By.linkText("居民信息"), "/population");
        browser.findElement(By.id("q")).sendKeys("欧阳内");
        clickAndWaitFor(By.cssSelector("form.filters button.primary"), d -> d.getCurrentUrl().contains("q="));
        assertThat(browser.findElement(By.id("residents")).getText()).contains(PopulationFixture.INSIDE_NAME)
                .contains(PopulationFixture.INSIDE_ID.masked()).doesNotContain(PopulationFixture.OUTSIDE_NAME);
        Chromium.screenshot(browser, "population-search-zh");
        clickAndWaitFor(By.linkText(PopulationFixture.INSIDE_NAME), d -> d.getCurrentUrl().contains("/population/residents/"));
        clickAndWaitFor(By.cssSelector(".crumbs a[href*='/population/households/']"), d -> d.getCurrentUrl().contains("/population/households/"));
        assertThat(browser.findElement(By.id("members")).getText()).contains(PopulationFixture.INSIDE_NAME).contains("户主");
        Chromium.screenshot(browser, "population-household-zh");
        clickAndWaitFor(By.linkText(PopulationFixture.INSIDE_NAME), d -> d.getCurrentUrl().contains("/population/residents/"));
        assertThat(browser.findElement(By.id("id-number")).getText()).isEqualTo(PopulationFixture.INSIDE_ID.masked());
        browser.findElement(By.id("unmask-reason")).sendKeys("核对高龄津贴");
        clickAndWaitFor(By.cssSelector("#unmask button"), d -> d.getCurrentUrl().endsWith("/unmask"));
        assertThat(browser.findElement(By.id("id-number")).getText()).isEqualTo(PopulationFixture.INSIDE_ID.value());
        Chromium.screenshot(browser, "population-unmasked-zh");
        signOut();

        signIn("auditor", TestAccounts.PASSWORD);
        browser.get(url("/audit?action=person.unmask"));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).contains("person.unmask").contains("community")
                .contains("resident:" + people.inside().id()).contains("核对高龄津贴").doesNotContain(PopulationFixture.INSIDE_ID.value());
        Chromium.screenshot(browser, "population-unmask-audited-zh");
    }

    @Test
    void theGridWorkerRecordsAVisitOnAPhoneInEnglish() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn("grid", TestAccounts.PASSWORD);
        browser.get(url("/grid?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My grid");
        var card = browser.findElement(By.id("due-" + people.inside().id()));
        assertThat(card.getText()).contains(PopulationFixture.INSIDE_NAME).contains("Elderly living alone");
        assertThat(Chromium.fitsWidth(browser)).isTrue();
        Chromium.screenshot(browser, "grid-visits-phone-en");
        card.findElement(By.tagName("textarea")).sendKeys("Well, fridge stocked; asked about the stairs rail.");
        clickAndWaitFor(By.cssSelector("#due-" + people.inside().id() + " button"), d -> d.getCurrentUrl().contains("visited="));
        assertThat(browser.findElements(By.id("due-" + people.inside().id()))).isEmpty();
        browser.get(url("/population/residents/" + people.inside().id()));
        assertThat(browser.findElement(By.id("visits")).getText()).contains("Well, fridge stocked");
        Chromium.screenshot(browser, "resident-card-phone-en");
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("delete from population_visit where resident_id = ?")
                .param(people.inside().id()).update();
    }
}
