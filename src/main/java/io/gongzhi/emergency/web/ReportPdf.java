package io.gongzhi.emergency.web;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.gongzhi.emergency.internal.AcknowledgementCurves;
import io.gongzhi.emergency.internal.ResponseReports;
import org.springframework.context.MessageSource;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The stand-down report as a PDF (A4), in the reader's language: the PDF standard Chinese font
 * (STSong, which every PDF reader supplies), so no font file ships with the application. The same
 * sections as the page: the figures, the timeline, the directives, their figures, the curves.
 */
final class ReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Color BRAND = new Color(0xb3, 0x26, 0x1e);
    private static final Color[] SERIES = {BRAND, new Color(0x1a, 0x73, 0xe8), new Color(0xe3, 0x74, 0x00), new Color(0x1e, 0x7b, 0x34),
            new Color(0x7b, 0x1f, 0xa2), new Color(0x00, 0x83, 0x8f)};

    private final MessageSource messages;
    private final Locale locale;
    private final Font title;
    private final Font heading;
    private final Font text;
    private final Font small;

    ReportPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        BaseFont song;
        try {
            song = BaseFont.createFont("STSongStd-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.title = new Font(song, 18, Font.BOLD);
        this.heading = new Font(song, 13, Font.BOLD);
        this.text = new Font(song, 10);
        this.small = new Font(song, 8, Font.NORMAL, Color.DARK_GRAY);
    }

    private String m(String code, Object... args) {
        return safe(messages.getMessage(code, args, locale));
    }

    /**
     * Text the standard font can set: a character beyond the Basic Multilingual Plane (an emoji, a
     * rare character of a name such as 𠮷) has no code in UniGB-UCS2-H and is shown as □.
     */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isSupplementaryCodePoint(c) ? '□' : c));
        return out.toString();
    }

    byte[] write(ResponseReports.Report r) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(m(r.final_() ? "report.title.final" : "report.title.interim", r.responseName(), r.response().level().numeral()));
        document.addCreator("Gongzhi");
        document.open();
        document.add(new Paragraph(m(r.final_() ? "report.title.final" : "report.title.interim", r.responseName(), r.response().level().numeral()), title));
        document.add(new Paragraph(period(r), small));
        section(document, "report.summary");
        document.add(new Paragraph(m("report.summary.text", r.directives().size(), r.units(), r.acknowledged(), r.silent()), text));
        var c = r.coverage();
        document.add(new Paragraph(m("report.coverage.text", c.compounds(), c.reached(), c.reachedPercent(), c.answeredAll(), c.answeredPercent()), text));

        section(document, "report.timeline");
        var timeline = table(new float[] {2.2f, 2.2f, 6f});
        header(timeline, "report.time", "report.step", "emergency.reason");
        for (var change : r.timeline()) {
            row(timeline, TIME.format(change.at()), m("emergency.change." + change.kind(), change.level().numeral()), change.reason());
        }
        document.add(timeline);

        section(document, "report.directives");
        var table = table(new float[] {3.4f, 1.8f, 1.1f, 1.9f, 1.6f, 1.3f, 1.5f, 1.9f});
        header(table, "report.directive", "report.issuer", "directives.units", "directives.state.acknowledged", "report.on-time",
                "directives.state.reported", "directives.silent", "report.half-ninety");
        for (var d : r.directives()) {
            row(table, d.directive().title(), d.issuer(), String.valueOf(d.units()), d.acknowledged() + " (" + d.acknowledgedPercent() + "%)",
                    d.onTime() + " (" + d.onTimePercent() + "%)", String.valueOf(d.reported()), String.valueOf(d.silent()),
                    minutes(d.halfMinutes()) + " / " + minutes(d.ninetyMinutes()));
        }
        document.add(table);
        for (var d : r.directives()) {
            for (var f : d.figures()) {
                String figure = f.field().type().name().equals("YES_NO") ? m("directives.figure.yes", f.sum(), f.answered())
                        : m("directives.figure.sum", f.sum(), f.answered());
                document.add(new Paragraph(safe(d.directive().title() + "：" + f.field().label() + "，" + figure), text));
            }
        }
        if (!r.directives().isEmpty()) {
            section(document, "report.curves");
            document.add(curves(writer, r.directives()));
        }
        document.close();
        return out.toByteArray();
    }

    /** From when to when the response ran, how long, and the place counted. */
    String period(ResponseReports.Report r) {
        long minutes = java.time.Duration.between(r.from(), r.to()).toMinutes();
        return m("report.subtitle", m("report.period", TIME.format(r.from()), TIME.format(r.to()), m("report.duration", minutes / 60, minutes % 60)),
                m("report.place", r.place().displayName()));
    }

    private String minutes(Long minutes) {
        return minutes == null ? "—" : m("report.minutes", minutes);
    }

    private void section(Document document, String code) {
        var p = new Paragraph(m(code), heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        document.add(p);
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        return table;
    }

    private void header(PdfPTable table, String... codes) {
        for (String code : codes) {
            var cell = new PdfPCell(new Phrase(m(code), small));
            cell.setBackgroundColor(new Color(0xf3, 0xf4, 0xf6));
            table.addCell(cell);
        }
    }

    private void row(PdfPTable table, String... values) {
        for (String v : values) {
            var cell = new PdfPCell(new Phrase(safe(v), text));
            cell.setPadding(4);
            table.addCell(cell);
        }
    }

    /**
     * Each directive's share of units acknowledged over the hours since it was issued, one line
     * each (the first six), on one chart: which directives were taken up quickly and which dragged.
     */
    private com.lowagie.text.Image curves(PdfWriter writer, List<ResponseReports.DirectiveFigures> directives) {
        float width = 500, height = 200, left = 36, bottom = 24, plotW = width - left - 8, plotH = height - bottom - 56;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        t.setColorStroke(Color.LIGHT_GRAY);
        t.setLineWidth(0.5f);
        for (int pct = 0; pct <= 100; pct += 25) {
            float y = bottom + plotH * pct / 100;
            t.moveTo(left, y);
            t.lineTo(left + plotW, y);
            t.stroke();
            label(t, pct + "%", 4, y - 3);
        }
        int shown = Math.min(SERIES.length, directives.size());
        for (int i = 0; i < shown; i++) {
            var d = directives.get(i);
            List<AcknowledgementCurves.Point> points = d.curve().points();
            if (points.size() < 2 || d.units() == 0) {
                continue;
            }
            t.setColorStroke(SERIES[i]);
            t.setLineWidth(1.5f);
            for (int p = 0; p < points.size(); p++) {
                float x = left + plotW * p / (points.size() - 1);
                float y = bottom + plotH * points.get(p).acknowledged() / d.units();
                if (p == 0) {
                    t.moveTo(x, y);
                } else {
                    t.lineTo(x, y);
                }
            }
            t.stroke();
            t.setColorFill(SERIES[i]);
            t.rectangle(left + (i % 2) * plotW / 2, height - 14 - (i / 2) * 12f, 8, 8);
            t.fill();
            label(t, d.directive().title(), left + (i % 2) * plotW / 2 + 12, height - 14 - (i / 2) * 12f);
        }
        label(t, m("report.curves.axis"), left, 6);
        return com.lowagie.text.Image.getInstance(t);
    }

    private void label(PdfContentByte t, String s, float x, float y) {
        t.beginText();
        t.setFontAndSize(text.getBaseFont(), 7);
        t.setColorFill(Color.DARK_GRAY);
        t.showTextAligned(Element.ALIGN_LEFT, safe(s), x, y, 0);
        t.endText();
    }
}
