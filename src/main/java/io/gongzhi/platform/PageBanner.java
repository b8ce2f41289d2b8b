package io.gongzhi.platform;

import io.gongzhi.shared.Actor;

import java.util.List;

/**
 * What a module shows at the top of every page for a signed-in person, as a bean (an emergency
 * response in force over their area). Texts are in the reader's language; most answer nothing,
 * and quickly: this runs for every page.
 */
public interface PageBanner {

    List<Banner> bannersFor(Actor actor);

    /**
     * @param tone  {@code alert} (an emergency) or {@code info}
     * @param text  what to say, e.g. 武侯区 Ⅱ级应急响应
     * @param href  where to read more, or null
     */
    record Banner(String tone, String text, String href) {
    }
}
