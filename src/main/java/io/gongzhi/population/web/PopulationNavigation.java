package io.gongzhi.population.web;

import io.gongzhi.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The residents pages' entry in the main navigation (on a phone, in the bottom bar after the cases). */
@Configuration(proxyBeanMethods = false)
class PopulationNavigation {

    @Bean
    NavigationItem residentsNavigation() {
        return new NavigationItem("nav.population", "/population", 15, Set.of("person.read"), 5);
    }
}
