package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.internal.Category;
import io.gongzhi.casework.internal.Department;
import io.gongzhi.casework.internal.WorkingCalendar;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The responsibility catalogue and the working-day calendar: read by everyone who works with cases, edited by the city's committee. */
@RestController
@RequestMapping("/api/casework")
@Tag(name = "casework")
class CatalogueApi {

    private final Catalogue catalogue;
    private final WorkingCalendar calendar;

    CatalogueApi(Catalogue catalogue, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    @GetMapping("/departments")
    @PreAuthorize("hasAuthority('catalogue.read')")
    @Operation(summary = "The departments cases are dispatched to")
    List<Department> departments() {
        return catalogue.departments();
    }

    @GetMapping("/categories")
    @PreAuthorize("hasAuthority('catalogue.read')")
    @Operation(summary = "Classes and categories: each category's department, time limit (NORMAL 2 working days, URGENT 1, CRITICAL 4 hours) "
            + "and dispatch level")
    List<Category> categories() {
        return catalogue.categories();
    }

    @GetMapping("/categories/{code}/revisions")
    @PreAuthorize("hasAuthority('catalogue.read')")
    @Operation(summary = "Every saved state of a category, newest first")
    List<Catalogue.Revision> revisions(@PathVariable String code) {
        return catalogue.revisions(code);
    }

    @PutMapping("/categories/{code}")
    @PreAuthorize("hasAuthority('catalogue.manage')")
    @Operation(summary = "Change a category (a new revision); revision must be the one read")
    Category update(@PathVariable String code, @RequestBody Catalogue.Change change) {
        return catalogue.update(code, change, Actor.current());
    }

    @GetMapping("/calendar/{year}")
    @PreAuthorize("hasAuthority('catalogue.read')")
    @Operation(summary = "The year's public holidays (working=false) and weekend days worked in exchange (working=true)")
    List<WorkingCalendar.Day> calendar(@PathVariable int year) {
        return calendar.days(year);
    }

    @PutMapping("/calendar/{year}")
    @PreAuthorize("hasAuthority('catalogue.manage')")
    @Operation(summary = "Replace the year's holidays and exchanged working days")
    List<WorkingCalendar.Day> replace(@PathVariable int year, @RequestBody List<WorkingCalendar.Day> days) {
        return calendar.replace(year, days == null ? List.of() : days, Actor.current());
    }
}
