/** The registry's pages (community worker, grid worker on a phone, import) and its REST API, all scoped to the caller's jurisdiction. */
package io.gongzhi.population.web;
