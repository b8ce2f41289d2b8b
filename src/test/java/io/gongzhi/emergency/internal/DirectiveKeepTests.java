package io.gongzhi.emergency.internal;

import io.gongzhi.support.PopulationFixture;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An answer reads its directive's row as kept for a moment (a storm of acknowledgements reads it
 * once, not once per unit), an amendment on this node is seen by the very next answer, and the
 * acknowledgement of a named unit proves the directive reaches the one answering without a second read.
 */
@SpringBootTest
class DirectiveKeepTests {

    static final String SUBDISTRICT_PATH = "/5101/510107/510107005";
    static final Actor YULIN = new Actor(null, "keep-test-dispatcher", Set.of("SUBDISTRICT_DISPATCHER"),
            Set.of("emergency.read", "directive.issue", "directive.acknowledge"), Jurisdiction.of(RegionPath.of(SUBDISTRICT_PATH)));
    static final Actor COMMUNITY = new Actor(null, "keep-test-community", Set.of("COMMUNITY_WORKER"),
            Set.of("emergency.read", "directive.acknowledge"), Jurisdiction.of(RegionPath.of(SUBDISTRICT_PATH + "/510107005001")));

    @Autowired
    Directives directives;
    @Autowired
    Answers answers;
    @Autowired
    Amendments amendments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void anAnswerSeesTheKeptRowUntilAnAmendmentOnThisNodeForgetsIt() {
        PopulationFixture.ensure(context);
        var d = directives.issue(new Directives.Issue("510107005", null, null, "保留测试：清点物资", "各单位清点", 2, null, null, null, null), YULIN);
        assertThat(directives.answerable(d.id(), COMMUNITY, false).title()).isEqualTo("保留测试：清点物资");

        jdbc.sql("update emergency_directive set title = ? where id = ?").params("保留测试：改过的标题", d.id()).update();
        assertThat(directives.answerable(d.id(), COMMUNITY, false).title()).as("kept: not read again at once").isEqualTo("保留测试：清点物资");
        assertThat(directives.visible(d.id(), COMMUNITY).title()).as("pages read it as it is").isEqualTo("保留测试：改过的标题");

        amendments.amend(d.id(), new Amendments.Amend("补充：下午三点前", 1, null, "物资到得晚"), YULIN);
        var answered = directives.answerable(d.id(), COMMUNITY, false);
        assertThat(answered.amendments()).as("the amendment is seen by the next answer").isEqualTo(1);
        assertThat(answered.ackDue()).isEqualTo(d.ackDue().plus(java.time.Duration.ofHours(1)));

        var beside = new Actor(null, "keep-test-beside", Set.of("COMMUNITY_WORKER"), Set.of("emergency.read", "directive.acknowledge"),
                Jurisdiction.of(RegionPath.of("/5101/510104/510104001")));
        assertThatThrownBy(() -> answers.acknowledge(d.id(), List.of("510107005001"), beside)).as("a place it does not reach")
                .isInstanceOf(NotFound.class);
        assertThat(answers.acknowledge(d.id(), List.of("510107005001"), COMMUNITY)).isEqualTo(1);
        assertThat(answers.acknowledge(d.id(), List.of("510107005001"), COMMUNITY)).as("a retry").isZero();
    }
}
