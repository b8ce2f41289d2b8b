/** The case loop: cases found in the community, dispatched to the responsible department under the responsibility catalogue's time limits, handled, verified, closed and rated. */
package io.gongzhi.casework;
