package io.gongzhi.support;

/** The demo accounts the test profile creates, all with the test profile's demo password. */
public final class TestAccounts {

    public static final String PASSWORD = System.getenv().getOrDefault("GONGZHI_DEMO_PASSWORD", "Demo-Passw0rd#2026");

    private TestAccounts() {
    }
}
