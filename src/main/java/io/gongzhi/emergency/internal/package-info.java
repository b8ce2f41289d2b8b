/** The responses in force and their history, kept in the module's own tables. */
package io.gongzhi.emergency.internal;
