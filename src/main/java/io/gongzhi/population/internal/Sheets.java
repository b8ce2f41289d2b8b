package io.gongzhi.population.internal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Spreadsheets in and out: the first sheet of an .xlsx, or a .csv in UTF-8 (with or without BOM)
 * or GB18030 (what Excel saves on a Chinese Windows), as rows of text. Excel date cells become
 * ISO dates; a long number Excel turned into a numeric cell is marked, so an 18-digit ID that
 * lost its last digits is reported instead of silently stored wrong.
 */
public final class Sheets {

    /** The prefix of a cell that was a number too long for Excel to keep exactly. */
    public static final String LOST_DIGITS = "\u0000number:";

    private Sheets() {
    }

    public static boolean isXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static List<List<String>> read(byte[] bytes) throws IOException {
        return isXlsx(bytes) ? readXlsx(bytes) : readCsv(decode(bytes));
    }

    private static List<List<String>> readXlsx(byte[] bytes) throws IOException {
        var rows = new ArrayList<List<String>>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            stream.forEach(row -> {
                int at = row.getRowNum() - 1;
                while (rows.size() < at) {
                    rows.add(List.of());
                }
                var cells = new ArrayList<String>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString() == null ? "" : cell.getDataFormatString().toLowerCase(Locale.ROOT);
            BigDecimal n = cell.asNumber();
            if (format.contains("yy") || format.contains("d") && format.contains("m")) {
                return LocalDate.of(1899, 12, 30).plusDays(n.longValue()).toString();
            }
            if (n.precision() - n.scale() > 15) {
                return LOST_DIGITS + n.toPlainString();
            }
            return n.stripTrailingZeros().toPlainString();
        }
        String raw = cell.getText();
        return raw == null ? "" : raw.strip();
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180 rows, each field trimmed. */
    static List<List<String>> readCsv(String text) {
        return io.gongzhi.shared.Csv.rows(text).stream().map(row -> row.stream().map(String::strip).toList()).toList();
    }

    /**
     * One sheet: a bold header, then the rows, every column stored as text (so Excel keeps
     * 18-digit numbers and leading zeros); the column {@code highlight} is shaded; {@code blankRows}
     * empty rows follow, formatted as text too (a template to fill); {@code notes} go on a second sheet.
     */
    public static byte[] write(String sheet, List<String> header, List<List<String>> rows, int highlight, int blankRows, List<String> notes) {
        var out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Gongzhi", "1.0");
            Worksheet ws = workbook.newWorksheet(sheet);
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
                ws.style(0, c).bold().fillColor(c == highlight ? "F8D7DA" : "E8EEF7").set();
                ws.width(c, Math.max(10, Math.min(40, header.get(c).length() * 2.2 + 4)));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    ws.value(r + 1, c, row.get(c));
                    ws.style(r + 1, c).format("@").set();
                }
            }
            for (int r = rows.size() + 1; r <= rows.size() + blankRows; r++) {
                for (int c = 0; c < header.size(); c++) {
                    ws.style(r, c).format("@").set();
                }
            }
            ws.freezePane(0, 1);
            if (notes != null && !notes.isEmpty()) {
                Worksheet help = workbook.newWorksheet("说明 Notes");
                help.width(0, 100);
                for (int r = 0; r < notes.size(); r++) {
                    help.value(r, 0, notes.get(r));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
