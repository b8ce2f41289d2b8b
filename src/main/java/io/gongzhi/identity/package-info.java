/** Accounts, roles and sign-in: who a user is, what role they act in, and their sessions. */
package io.gongzhi.identity;
