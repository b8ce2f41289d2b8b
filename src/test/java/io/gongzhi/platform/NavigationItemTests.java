package io.gongzhi.platform;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationItemTests {

    @Test
    void anItemWithoutRolesIsForEverybodySignedIn() {
        var home = new NavigationItem("nav.home", "/", 0, Set.of());
        assertThat(home.visibleTo(Set.of("RESIDENT"))).isTrue();
        assertThat(home.visibleTo(Set.of())).isTrue();
    }

    @Test
    void anItemWithRolesIsOnlyForThoseRoles() {
        var api = new NavigationItem("nav.api", "/swagger-ui/index.html", 90, Set.of("SYSTEM_ADMIN", "CITY_COMMITTEE"));
        assertThat(api.visibleTo(Set.of("CITY_COMMITTEE", "RESIDENT"))).isTrue();
        assertThat(api.visibleTo(Set.of("RESIDENT"))).isFalse();
    }
}
