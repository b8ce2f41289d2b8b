package io.gongzhi.identity;

/**
 * An account was created, or its roles, places, departments, enabled state or the way it hears of
 * notices changed: what was worked out from them before is stale.
 */
public record AccountChanged(long accountId) {
}
