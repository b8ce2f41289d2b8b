package io.gongzhi.casework.internal;

import org.springframework.context.ApplicationContext;

import java.util.List;

/** For tests outside casework that need the demo's cases at every stage of the loop. */
public final class DemoCaseSeeds {

    private DemoCaseSeeds() {
    }

    /** Reports the demo cases again and takes each as far as the demo does; their ids. */
    public static List<Long> seed(ApplicationContext context) {
        return context.getBean(DemoCases.class).seed();
    }
}
