package io.gongzhi;

import io.gongzhi.audit.Outcome;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.Pending;
import io.gongzhi.casework.Rating;
import io.gongzhi.casework.internal.Evaluation;
import io.gongzhi.geography.Level;
import io.gongzhi.identity.Messenger;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.population.internal.IdKind;
import io.gongzhi.population.internal.Move;
import io.gongzhi.population.internal.Registration;
import io.gongzhi.population.internal.Relation;
import io.gongzhi.population.internal.ResidentStatus;
import io.gongzhi.support.TestMessages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of every enum that pages print through a message key has its text in both
 * languages, so a value no page happened to show in another test still never shows as a key.
 * The keys are built here as the templates build them.
 */
class EnumTextTests {

    record Printed<E extends Enum<E>>(String what, Class<E> type, Function<E, String> key) {
        Stream<String> keys() {
            // a value no page prints (no pending request) has no key
            return Arrays.stream(type.getEnumConstants()).map(key).filter(java.util.Objects::nonNull);
        }
    }

    static final List<Printed<?>> PRINTED = List.of(
            new Printed<>("role", Role.class, r -> "role." + r.name()),
            new Printed<>("what a role does", Role.class, r -> "role." + r.name() + ".does"),
            new Printed<>("permission", Permission.class, p -> "permission." + p.authority()),
            new Printed<>("level", Level.class, l -> "level." + l.name()),
            new Printed<>("audit outcome", Outcome.class, o -> "audit.outcome." + o.name()),
            new Printed<>("case state", CaseState.class, s -> "casework.state." + s.key()),
            new Printed<>("case step", CaseAction.class, a -> "casework.action." + a.key()),
            new Printed<>("case channel", Channel.class, c -> "cases.channel." + c.name()),
            new Printed<>("rating", Rating.class, r -> "cases.rating." + r.name()),
            new Printed<>("pending request", Pending.class, p -> p == Pending.NONE ? null : "cases.pending." + p.name()),
            new Printed<>("evaluation grouping", Evaluation.By.class, b -> "evaluation.by." + b.name()),
            new Printed<>("delivery channel", Messenger.Channel.class, c -> "deliveries.channel." + c.name()),
            new Printed<>("registration", Registration.class, r -> "population.registration." + r.key()),
            new Printed<>("resident status", ResidentStatus.class, s -> "population.status." + s.key()),
            new Printed<>("kind of ID", IdKind.class, k -> "population.id-kind." + k.key()),
            new Printed<>("relation", Relation.class, r -> "population.relation." + r.key()),
            new Printed<>("move", Move.Kind.class, k -> "population.move." + k.key()));

    @TestFactory
    List<DynamicTest> everyPrintedValueHasItsText() {
        var messages = TestMessages.messages();
        var tests = new ArrayList<DynamicTest>();
        for (Printed<?> printed : PRINTED) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                tests.add(DynamicTest.dynamicTest(printed.what() + " in " + locale, () -> {
                    var missing = printed.keys().filter(key -> messages.getMessage(key, null, null, locale) == null).toList();
                    assertThat(missing).as(printed.what() + " values without text in " + locale).isEmpty();
                }));
            }
        }
        return tests;
    }
}
