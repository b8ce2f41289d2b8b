package io.gongzhi.identity.web;

import io.gongzhi.identity.Notices;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The unread count beside the notice bell, asked for by the page layout as it renders
 * ({@code @noticeBadge.unread()}), so that API calls, which render no page, never count.
 */
@Component("noticeBadge")
public class NoticeBadge {

    private final Notices notices;

    NoticeBadge(Notices notices) {
        this.notices = notices;
    }

    /** The signed-in account's unread notices; null for nobody signed in (or halfway through signing in). */
    public Integer unread() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(NavigationItem.SIGNED_IN::equals)) {
            return null;
        }
        Long account = Actor.current().accountId();
        return account == null ? null : notices.unread(account);
    }
}
