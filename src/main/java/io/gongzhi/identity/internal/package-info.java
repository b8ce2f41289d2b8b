/** How accounts are stored, hashed, loaded for sign-in and created on a new installation. */
package io.gongzhi.identity.internal;
