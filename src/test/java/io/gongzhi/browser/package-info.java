/** Browser tests: each role's main path in headless Chromium, run with {@code mvn -Pbrowser verify}. */
package io.gongzhi.browser;
