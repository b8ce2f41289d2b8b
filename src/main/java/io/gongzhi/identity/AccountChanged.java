package io.gongzhi.identity;

/** An account's roles, places, departments or enabled state changed: what was worked out from them before is stale. */
public record AccountChanged(long accountId) {
}
