package io.gongzhi.platform.web;

import io.gongzhi.platform.NavigationItem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What every page's layout needs: the navigation the user may see, their roles, the map settings. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final List<NavigationItem> navigation;
    private final String tileUrl;

    ShellModel(List<NavigationItem> navigation, @Value("${gongzhi.map.tile-url:}") String tileUrl) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.tileUrl = tileUrl;
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring("ROLE_".length()) : a).collect(Collectors.toSet());
        if (!granted.contains(NavigationItem.SIGNED_IN)) {
            // halfway through signing in (a code or a new password still owed): nowhere to go yet
            return List.of();
        }
        return navigation.stream().filter(item -> item.visibleTo(granted)).toList();
    }

    @ModelAttribute("userRoles")
    List<String> userRoles(Authentication authentication) {
        return roles(authentication).stream().sorted().toList();
    }

    /** The page's own path, for the language links; an error page links back to the page that failed. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    @ModelAttribute("mapTileUrl")
    String mapTileUrl() {
        return tileUrl;
    }

    static Set<String> roles(Authentication authentication) {
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
    }
}
