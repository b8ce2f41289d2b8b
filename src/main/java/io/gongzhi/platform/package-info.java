/**
 * The running frame of the platform, owning no domain data: command line, web shell
 * (layout, navigation, language, error answers) and operations.
 */
package io.gongzhi.platform;
