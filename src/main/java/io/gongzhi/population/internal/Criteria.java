package io.gongzhi.population.internal;

/**
 * What a registry search asks for; every part optional. {@code text} is a name (prefix), an identity
 * or passport number, or a phone number, recognised by its shape; {@code within} a grid, compound or
 * community code inside the caller's jurisdiction; ages are whole years today.
 */
public record Criteria(String text, String within, String careGroup, Registration registration, Integer ageFrom, Integer ageTo,
                       ResidentStatus status) {

    public static final Criteria ALL = new Criteria(null, null, null, null, null, null, ResidentStatus.PRESENT);

    public Criteria {
        text = text == null ? "" : text.strip();
        within = within == null ? "" : within.strip();
        careGroup = careGroup == null ? "" : careGroup.strip();
    }
}
