/** The geography REST API: the hierarchy, search, locate and imports. */
package io.gongzhi.geography.web;
