/** The web shell: layout model, navigation by role, language choice, the home page and error answers. */
package io.gongzhi.platform.web;
