/** How identity works inside: the permission table and login policies, accounts stored, hashed, loaded for sign-in and created on a new installation, API tokens, and the notices' outbox. */
package io.gongzhi.identity.internal;
