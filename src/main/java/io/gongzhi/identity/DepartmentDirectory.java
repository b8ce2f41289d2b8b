package io.gongzhi.identity;

import java.util.List;
import java.util.Locale;

/**
 * The departments an account may work for, as the module that keeps them knows them (a bean
 * there): the account form offers them by name and refuses a code that names none. Without such
 * a bean, department codes are only checked for their form.
 */
public interface DepartmentDirectory {

    /** Every department, in the order people expect them, named in {@code locale}'s language. */
    List<Department> departments(Locale locale);

    /**
     * @param active false for a department that takes no new work (kept on the accounts that still name it)
     */
    record Department(String code, String name, boolean active) {
    }
}
