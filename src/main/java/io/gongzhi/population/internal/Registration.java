package io.gongzhi.population.internal;

/** Where a resident's household registration is: local 户籍, residence permit 居住证, temporary 暂住, foreign national. */
public enum Registration {
    LOCAL, PERMIT, TEMPORARY, FOREIGN;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
