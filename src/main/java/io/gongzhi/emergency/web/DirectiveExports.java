package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.NonResponders;
import io.gongzhi.shared.Actor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** A directive's files to download: the units that have not acknowledged, as a spreadsheet. */
@Controller
class DirectiveExports {

    private final NonResponders nonResponders;
    private final MessageSource messages;

    DirectiveExports(NonResponders nonResponders, MessageSource messages) {
        this.nonResponders = nonResponders;
        this.messages = messages;
    }

    /** The units below the place looked at that have not acknowledged, to work through by phone: a spreadsheet, phones masked. */
    @GetMapping("/emergency/directives/{id}/silent.xlsx")
    @PreAuthorize("hasAuthority('emergency.read')")
    ResponseEntity<byte[]> silent(@PathVariable long id, @RequestParam(required = false) String unit) throws IOException {
        var rows = nonResponders.below(id, unit, Actor.current());
        Locale locale = LocaleContextHolder.getLocale();
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Gongzhi", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("directives.silent-sheet", null, locale));
        var header = List.of("directives.place", "directives.level", "directives.above", "roster.name", "roster.duty", "roster.phone");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, messages.getMessage(header.get(c), null, locale));
        }
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            sheet.value(r + 1, 0, row.name());
            sheet.value(r + 1, 1, messages.getMessage("level." + row.level().name(), null, locale));
            sheet.value(r + 1, 2, String.join(" › ", row.above()));
            if (row.contact() != null) {
                sheet.value(r + 1, 3, row.contact().name());
                sheet.value(r + 1, 4, messages.getMessage("roster.duty." + row.contact().duty().name(), null, locale));
                sheet.value(r + 1, 5, row.contact().phoneMask());
            }
        }
        workbook.finish();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("directive-" + id + "-silent.xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

}
