package io.gongzhi.casework;

import io.gongzhi.support.HttpSession;
import io.gongzhi.support.SentMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.regex.Pattern;

import static io.gongzhi.casework.CaseAction.ACCEPT;
import static io.gongzhi.casework.CaseAction.CLOSE;
import static io.gongzhi.casework.CaseAction.FEEDBACK;
import static io.gongzhi.casework.CaseAction.RECEIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link an SMS brings leads to the server that sent it: without {@code GONGZHI_PUBLIC_URL} the
 * address follows the port the server really listens on (here a random one), not 8080.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReporterLinkAddressTests {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+)(/r/[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;
    @Autowired
    Cases cases;
    @Autowired
    SentMessages sent;

    @Test
    void theSmsLinkOpensTheCaseOnThePortTheServerListensOn() throws Exception {
        long id = cases.report(new Cases.Report("E0302", "链接地址：河边垃圾", null, null, CaseActors.INSIDE, "", Channel.GRID, "李阿姨",
                "13900005678"), CaseActors.gridWorker()).id();
        cases.act(id, Cases.Command.of(ACCEPT, ""), CaseActors.dispatcher());
        cases.act(id, CaseLoopTests.dispatch("water"), CaseActors.dispatcher());
        cases.act(id, Cases.Command.of(RECEIVE, ""), CaseActors.water());
        cases.act(id, Cases.Command.of(FEEDBACK, "已清理"), CaseActors.water());
        cases.act(id, Cases.Command.of(CLOSE, "已核实"), CaseActors.communityWorker());

        var sms = sent.await(m -> m.address().equals("13900005678") && m.text().contains("#" + id + "）"));
        var link = LINK.matcher(sms.text());
        assertThat(link.find()).as(sms.text()).isTrue();
        assertThat(link.group(1)).isEqualTo("http://localhost:" + port);

        var page = new HttpSession(port).get(link.group(2));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("链接地址：河边垃圾");
    }
}
