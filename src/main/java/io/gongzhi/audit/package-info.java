/** The tamper-evident operation log: who did what, when, from where, with what outcome, hash-chained. */
package io.gongzhi.audit;
