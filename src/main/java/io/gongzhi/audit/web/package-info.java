/** The auditor's search page, export and chain check, and their REST twins. */
package io.gongzhi.audit.web;
