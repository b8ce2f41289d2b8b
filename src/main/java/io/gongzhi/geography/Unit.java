package io.gongzhi.geography;

import java.time.LocalDate;

/**
 * One unit of the hierarchy: a division, grid or compound.
 *
 * @param code        statistical code for divisions; grids and compounds extend their community's code
 * @param name        the official name, e.g. 玉林社区居民委员会
 * @param displayName the name people use, e.g. 玉林社区
 * @param path        materialised path from the city down, e.g. {@code /5101/510107/510107009/510107009003}
 * @param validTo     null while the unit exists; the day it was retired otherwise
 */
public record Unit(String code, String name, String displayName, Level level, String parentCode, String path,
                   LocalDate validFrom, LocalDate validTo, Double centroidLon, Double centroidLat, Double areaM2) {

    public boolean current() {
        return validTo == null;
    }
}
