package io.gongzhi.platform.web;

import io.gongzhi.platform.NavigationItem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every page's layout needs: the navigation the user may see, their roles, the map
 * settings. Added to a page's model once its controller has chosen a view, so that API calls
 * (which have no view) do none of this work.
 */
@Configuration(proxyBeanMethods = false)
class ShellModel implements WebMvcConfigurer, HandlerInterceptor {

    private final List<NavigationItem> navigation;
    private final String tileUrl;
    private final List<io.gongzhi.platform.PageBanner> banners;

    ShellModel(List<NavigationItem> navigation, @Value("${gongzhi.map.tile-url:}") String tileUrl,
               List<io.gongzhi.platform.PageBanner> banners) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.tileUrl = tileUrl;
        this.banners = banners;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
            return;
        }
        // the signed-in user as the request knows them (none for a visitor)
        Authentication authentication = request.getUserPrincipal() instanceof Authentication a ? a : null;
        var navigation = navigation(authentication);
        page.addObject("navigation", navigation);
        page.addObject("phoneTabs", phoneTabs(navigation));
        page.addObject("userRoles", userRoles(authentication));
        page.addObject("currentPath", currentPath(request));
        page.addObject("mapTileUrl", tileUrl);
        page.addObject("banners", navigation.isEmpty() ? List.of() : banners(io.gongzhi.shared.Actor.current()));
    }

    private List<io.gongzhi.platform.PageBanner.Banner> banners(io.gongzhi.shared.Actor actor) {
        return banners.stream().flatMap(b -> b.bannersFor(actor).stream()).toList();
    }

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

    /** The items a phone shows in its bottom bar (their hrefs): those with the strongest claims, at most {@link NavigationItem#PHONE_TABS}. */
    static Set<String> phoneTabs(List<NavigationItem> navigation) {
        return navigation.stream().filter(item -> item.tab() > 0).sorted(Comparator.comparingInt(NavigationItem::tab))
                .limit(NavigationItem.PHONE_TABS).map(NavigationItem::href).collect(Collectors.toSet());
    }

    List<String> userRoles(Authentication authentication) {
        return roles(authentication).stream().sorted().toList();
    }

    /** The page's own path, for the language links; an error page links back to the page that failed. */
    String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
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
