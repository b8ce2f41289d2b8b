package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.Responses;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Emergency responses over the caller's places: read them, and (a city's or district's committee) declare, change and stand down their own. */
@RestController
@RequestMapping("/api/emergency/responses")
@Tag(name = "emergency")
class EmergencyApi {

    private final Responses responses;

    EmergencyApi(Responses responses) {
        this.responses = responses;
    }

    /** What a response says, with its history. */
    record ResponseView(Responses.Response response, List<Responses.Change> history) {
    }

    /** @param level {@code I} … {@code IV} (Ⅰ级 the most severe) */
    record Declaration(String unit, String level, String reason) {
    }

    record LevelChange(String level, String reason) {
    }

    record StandDown(String reason) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "Responses over the caller's places or inside them, newest first; with past=true those stood down too")
    List<Responses.Response> list(@RequestParam(defaultValue = "false") boolean past) {
        return responses.visibleTo(Actor.current().jurisdiction(), past, 200);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "One response with its history (declared, raised, lowered, stood down)")
    ResponseView one(@PathVariable long id) {
        return new ResponseView(responses.get(id, Actor.current().jurisdiction()), responses.history(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('emergency.declare')")
    @Operation(summary = "Declare a response for one's own city or district at a level, with a reason; 409 when one is already in force there")
    Responses.Response declare(@RequestBody Declaration d) {
        return responses.declare(d.unit(), d.level(), d.reason(), Actor.current());
    }

    @PostMapping("/{id}/level")
    @PreAuthorize("hasAuthority('emergency.declare')")
    @Operation(summary = "Raise or lower the level of one's own response in force, with a reason")
    Responses.Response level(@PathVariable long id, @RequestBody LevelChange c) {
        return responses.change(id, c.level(), c.reason(), Actor.current());
    }

    @PostMapping("/{id}/stand-down")
    @PreAuthorize("hasAuthority('emergency.declare')")
    @Operation(summary = "Stand one's own response down, with a reason")
    Responses.Response standDown(@PathVariable long id, @RequestBody StandDown s) {
        return responses.standDown(id, s.reason(), Actor.current());
    }
}
