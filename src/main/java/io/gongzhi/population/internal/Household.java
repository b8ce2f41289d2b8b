package io.gongzhi.population.internal;

import java.util.List;

/**
 * A household at its address, with the residents living there and those who have moved out.
 *
 * @param place the compound's name with its grid and community, e.g. 玉林北路社区 › 第1网格 › 1-3小区
 */
public record Household(long id, String compoundCode, String path, String place, Address address,
                        List<Resident> residents, List<Resident> former) {
}
