/** How audit rows are stored, chained and checked. */
package io.gongzhi.audit.internal;
