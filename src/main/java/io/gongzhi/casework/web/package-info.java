/** The case loop over REST for staff, residents and other systems. */
package io.gongzhi.casework.web;
