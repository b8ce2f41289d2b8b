package io.gongzhi.casework.internal;

import io.gongzhi.identity.DepartmentDirectory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** The catalogue's departments, offered by name on the account form (the catalogue's own order). */
@Component
class AccountDepartments implements DepartmentDirectory {

    private final Catalogue catalogue;

    AccountDepartments(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<Department> departments(Locale locale) {
        return catalogue.departments().stream().map(d -> new Department(d.code(), d.name(locale), d.active())).toList();
    }
}
