/** The people on the grid: households, residents, care groups, and the protection of their personal information. */
package io.gongzhi.population;
