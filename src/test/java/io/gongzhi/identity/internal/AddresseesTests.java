package io.gongzhi.identity.internal;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.Addressees.Addressee;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a notice goes to is kept for a while (here an hour, so that only a change can end it): a
 * new, changed or disabled account and a new way of hearing of notices count from the next notice
 * on, not once the keeping time is over.
 */
@SpringBootTest(properties = "gongzhi.notices.recipients-keep=PT1H")
class AddresseesTests {

    private static final String PATH = "/5101/510107/510107005/510107005001";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Addressees addressees;
    @Autowired
    Accounts accounts;
    @Autowired
    Notices notices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    long newDispatcher() {
        String name = "addr" + (System.nanoTime() % 1_000_000) + "x" + SERIAL.incrementAndGet();
        return accounts.create(new AccountForm(name, "通知测试调度员", Set.of(Role.SUBDISTRICT_DISPATCHER), Set.of("510107005"), Set.of()),
                "Gongzhi#2026-addressees").id();
    }

    List<Long> dispatchers() {
        return addressees.of(Recipients.staff("case.dispatch", PATH)).stream().map(Addressee::id).toList();
    }

    int noticesOf(long account, String source) {
        return jdbc.sql("select count(*) from identity_notice where account_id = :a and source = :s").param("a", account).param("s", source)
                .query(Integer.class).single();
    }

    @Test
    void aNewAccountHearsOfTheVeryNextNoticeAndADisabledOneHearsOfNoMore() {
        var before = dispatchers();
        long id = newDispatcher();
        assertThat(dispatchers()).as("created after the dispatchers were read and kept").contains(id).containsAll(before);

        String first = "test:" + UUID.randomUUID();
        notices.notify(first, Recipients.staff("case.dispatch", PATH), "notice.case.request-extension", List.of("905", "新账号", ""), "/cases/905");
        assertThat(noticesOf(id, first)).isOne();

        accounts.setEnabled(id, false);
        String second = "test:" + UUID.randomUUID();
        notices.notify(second, Recipients.staff("case.dispatch", PATH), "notice.case.request-extension", List.of("906", "已停用", ""), "/cases/906");
        assertThat(noticesOf(id, second)).as("disabled before the notice").isZero();
        assertThat(dispatchers()).doesNotContain(id);

        accounts.setEnabled(id, true);
        assertThat(dispatchers()).contains(id);
    }

    @Test
    void anAccountMovedToAnotherPlaceIsToldOfTheNewPlaceOnly() {
        long id = newDispatcher();
        assertThat(dispatchers()).contains(id);
        accounts.update(id, new AccountForm(null, "通知测试调度员", Set.of(Role.SUBDISTRICT_DISPATCHER), Set.of("510107001"), Set.of()));
        assertThat(dispatchers()).doesNotContain(id);
        assertThat(addressees.of(Recipients.staff("case.dispatch", "/5101/510107/510107001"))).extracting(Addressee::id).contains(id);
    }

    @Test
    void aNewWayOfHearingCountsFromTheNextNotice() {
        long id = newDispatcher();
        assertThat(addressees.of(Recipients.account(id))).singleElement().extracting(Addressee::by).isEqualTo("");
        notices.setDelivery(id, "13912345679", "", true, false);
        assertThat(addressees.of(Recipients.account(id))).singleElement().extracting(Addressee::by).isEqualTo("SMS");
    }

    @Test
    void whoWasReadWhileAChangeWasUncommittedIsReadAgainOnceItCommits() throws Exception {
        long id = newDispatcher();
        assertThat(dispatchers()).contains(id);
        transactions.executeWithoutResult(status -> {
            accounts.setEnabled(id, false);
            // another thread (a notice's reaction) reads meanwhile: it cannot see the change yet, and keeps what it read
            var meanwhile = java.util.concurrent.CompletableFuture.supplyAsync(this::dispatchers).join();
            assertThat(meanwhile).as("the change is not committed yet").contains(id);
        });
        assertThat(dispatchers()).as("read again after the commit").doesNotContain(id);
    }

    @Test
    void withinTheKeepingTimeTheRecipientsAreReadOnce() {
        long id = newDispatcher();
        assertThat(dispatchers()).contains(id);
        // changed behind the application's back (no AccountChanged): the kept answer stands until the keeping time is over
        jdbc.sql("update identity_account set enabled = false where id = :id").param("id", id).update();
        assertThat(dispatchers()).contains(id);
    }
}
