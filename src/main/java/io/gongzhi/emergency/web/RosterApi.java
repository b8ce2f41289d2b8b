package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.DutyRosters;
import io.gongzhi.emergency.internal.PropertyCompanies;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The command chain's people: each unit's duty roster (phones masked; in full with a reason, for
 * those who call) and the property companies serving compounds.
 */
@RestController
@Tag(name = "emergency")
class RosterApi {

    private final DutyRosters rosters;
    private final PropertyCompanies companies;

    RosterApi(DutyRosters rosters, PropertyCompanies companies) {
        this.rosters = rosters;
        this.companies = companies;
    }

    record Reason(String reason) {
    }

    record FullPhone(String phone) {
    }

    record Registration(String name, String creditCode, String place) {
    }

    record Compounds(List<String> compounds) {
    }

    record Bound(int added) {
    }

    @GetMapping("/api/emergency/roster")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "Who receives for a unit inside the caller's places, first on duty first (phones masked)")
    List<DutyRosters.Contact> roster(@RequestParam String unit) {
        return rosters.of(unit, Actor.current());
    }

    @PostMapping("/api/emergency/roster")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('roster.manage')")
    @Operation(summary = "Put a person on a unit's roster: duty (DUTY_OFFICER, SECRETARY, GRID_WORKER, PROPERTY_STAFF, BUILDING_LEADER, VOLUNTEER, as the unit's level allows), name, phone; optionally the account that receives in the platform and the property company")
    DutyRosters.Contact add(@RequestBody DutyRosters.Entry entry) {
        return rosters.add(entry, Actor.current());
    }

    @DeleteMapping("/api/emergency/roster/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('roster.manage')")
    @Operation(summary = "Take a person off a roster")
    void remove(@PathVariable long id) {
        rosters.remove(id, Actor.current());
    }

    @PostMapping("/api/emergency/roster/{id}/phone")
    @PreAuthorize("hasAuthority('roster.unmask')")
    @Operation(summary = "A duty contact's full phone number, with a reason (audited)")
    FullPhone phone(@PathVariable long id, @RequestBody Reason reason) {
        return new FullPhone(rosters.phone(id, reason.reason(), Actor.current()));
    }

    @GetMapping("/api/emergency/companies")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The property companies registered in or serving the caller's places")
    List<PropertyCompanies.Company> companies() {
        return companies.visible(Actor.current());
    }

    @PostMapping("/api/emergency/companies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('roster.manage')")
    @Operation(summary = "Register a property company in one of the caller's places, with its unified social credit code")
    PropertyCompanies.Company register(@RequestBody Registration in) {
        return companies.register(in.name(), in.creditCode(), in.place(), Actor.current());
    }

    @PostMapping("/api/emergency/companies/{id}/compounds")
    @PreAuthorize("hasAuthority('roster.manage')")
    @Operation(summary = "Bind a company to the compounds it serves (up to 2,000 at once; those bound already are kept)")
    Bound bind(@PathVariable long id, @RequestBody Compounds in) {
        return new Bound(companies.bind(id, in.compounds() == null ? List.of() : in.compounds(), Actor.current()));
    }
}
