/**
 * The running frame of the platform, owning no domain data: command line, web shell
 * (layout, navigation, language, error answers), operations, and the store that keeps
 * uploaded files' bytes for the modules that own them.
 */
package io.gongzhi.platform;
