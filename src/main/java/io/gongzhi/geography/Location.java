package io.gongzhi.geography;

/**
 * Where a point lies: the chain from district down to the finest unit that has a boundary
 * there. Levels without boundaries (or below the finest one found) are null.
 */
public record Location(Place district, Place subdistrict, Place community, Place grid, Place compound) {

    /** One unit of the chain. */
    public record Place(String code, String name) {
    }

    /** The finest unit found: the one a case or a household at this point belongs to. */
    public Place finest() {
        return compound != null ? compound : grid != null ? grid : community != null ? community
                : subdistrict != null ? subdistrict : district;
    }
}
