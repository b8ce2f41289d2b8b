/** The kernel every module may use: value types and the shape of errors, with no behaviour of its own. */
package io.gongzhi.shared;
