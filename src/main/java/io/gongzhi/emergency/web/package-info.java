/** The emergency pages, the banner on every page inside a response, and the API. */
package io.gongzhi.emergency.web;
