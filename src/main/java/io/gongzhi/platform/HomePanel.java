package io.gongzhi.platform;

import io.gongzhi.shared.Actor;

import java.util.List;

/**
 * What a module puts on a signed-in person's home page, as a bean: what waits for them there
 * (each with a count and the page where they act on it), and figures of their area to look at.
 * Texts are already in the reader's language; a module that has nothing for the person answers
 * empty lists.
 */
public interface HomePanel {

    /** What waits for {@code actor} in this module. */
    List<Waiting> waitingFor(Actor actor);

    /** What {@code actor} most often starts here (上报问题), as buttons at the top of the home; the first across modules is the primary one. */
    default List<Start> startsFor(Actor actor) {
        return List.of();
    }

    /**
     * @param label what is started, e.g. 上报问题
     * @param href  the page where it starts
     * @param order position among the home's buttons, smaller first
     */
    record Start(String label, String href, int order) {
    }

    /** Charts of the area {@code actor} looks after, for those who steer or dispatch. */
    default List<Chart> chartsFor(Actor actor) {
        return List.of();
    }

    /**
     * @param label what waits, e.g. 待受理的案件
     * @param count how many
     * @param href  where to act on them
     * @param order position among the home's items, smaller first
     */
    record Waiting(String label, long count, String href, int order) {
    }

    /**
     * A chart: {@code kind} is {@code bar}, {@code pie} or {@code line}; one value per label.
     *
     * @param id     a name for the page (and tests) to find it by
     * @param total  a figure to show as a number above the chart, or null
     */
    record Chart(String id, String title, String kind, List<String> labels, List<Long> values, String total, int order) {
        public Chart {
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("a value for each label: " + labels.size() + " labels, " + values.size() + " values");
            }
            labels = List.copyOf(labels);
            values = List.copyOf(values);
        }
    }
}
