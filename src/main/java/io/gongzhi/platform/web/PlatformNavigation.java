package io.gongzhi.platform.web;

import io.gongzhi.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The platform's own entries in the main navigation; each module contributes its entries the same way. */
@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", 0, Set.of(), 1);
    }

    @Bean
    NavigationItem apiNavigation() {
        return new NavigationItem("nav.api", "/swagger-ui/index.html", 90, Set.of(HomeController.SYSTEM_OPERATE));
    }
}
