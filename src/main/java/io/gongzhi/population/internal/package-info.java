/** How the population module works inside: the registry of households and residents, care groups, visits, imports, exports and statistics, and personal information sealed at rest and found by keyed hash. */
package io.gongzhi.population.internal;
