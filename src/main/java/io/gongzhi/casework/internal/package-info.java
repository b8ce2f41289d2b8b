/** The case loop's own storage helpers, not for other modules. */
package io.gongzhi.casework.internal;
