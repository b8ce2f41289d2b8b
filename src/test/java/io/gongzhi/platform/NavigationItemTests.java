package io.gongzhi.platform;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationItemTests {

    @Test
    void anItemWithoutPermissionsIsForEverybodySignedIn() {
        var home = new NavigationItem("nav.home", "/", 0, Set.of());
        assertThat(home.visibleTo(Set.of("case.report"))).isTrue();
        assertThat(home.visibleTo(Set.of())).isTrue();
    }

    @Test
    void anItemWithPermissionsIsOnlyForThoseHoldingOne() {
        var api = new NavigationItem("nav.api", "/swagger-ui/index.html", 90, Set.of("system.operate", "audit.read"));
        assertThat(api.visibleTo(Set.of("audit.read", "case.report"))).isTrue();
        assertThat(api.visibleTo(Set.of("case.report"))).isFalse();
    }
}
