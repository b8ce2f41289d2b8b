/** Sign-in over the web: the security filter chain, the login page and the signed-in user's API. */
package io.gongzhi.identity.web;
