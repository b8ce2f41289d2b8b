/** How geography is read from files, stored, versioned and indexed. */
package io.gongzhi.geography.internal;
