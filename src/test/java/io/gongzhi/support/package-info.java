/** Test helpers shared by the modules' tests. */
package io.gongzhi.support;
