/** The one spatial hierarchy every module hangs its data from: divisions, grids, compounds, their boundaries, and where a point lies. */
package io.gongzhi.geography;
