package io.gongzhi.population.internal;

/** A resident's relation to the head of the household (与户主关系). */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
