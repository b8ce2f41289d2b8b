/** How the population module keeps personal information: sealed at rest, found by keyed hash. */
package io.gongzhi.population.internal;
