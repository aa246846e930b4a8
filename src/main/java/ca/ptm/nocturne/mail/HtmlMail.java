package ca.ptm.nocturne.mail;

import java.util.List;

/**
 * A small HTML email that reads on a phone: one column at most 640 px wide, inline styles only (mail clients drop
 * style sheets and block external images, so there are none), the status in words and in colour, a table per
 * stage and the warnings as a list. Every text goes through {@link #escape}.
 */
final class HtmlMail {

    /** The colour of a status; the words always say it too, colour is never the only sign. */
    enum Tone {
        OK("#1b5e20", "#e8f5e9"), WARNING("#8a4b00", "#fff3e0"), FAILURE("#b71c1c", "#ffebee");

        final String ink;
        final String paper;

        Tone(String ink, String paper) {
            this.ink = ink;
            this.paper = paper;
        }
    }

    /** A table: a title, its header and rows (already formatted); numbers right-aligned when {@code numeric[i]}. */
    record Table(String title, List<String> header, List<List<String>> rows, boolean[] numeric) {
    }

    private final StringBuilder html = new StringBuilder();

    HtmlMail(String title) {
        html.append("<!DOCTYPE html><html lang=\"fr-CA\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#ffffff;\">")
                .append("<div style=\"max-width:640px;margin:0 auto;padding:12px;font-family:Arial,Helvetica,sans-serif;")
                .append("font-size:15px;line-height:1.4;color:#222222;\">");
    }

    HtmlMail paragraph(String text) {
        html.append("<p style=\"margin:0 0 12px 0;\">").append(escape(text)).append("</p>");
        return this;
    }

    HtmlMail status(String words, Tone tone) {
        html.append("<p style=\"margin:0 0 16px 0;padding:10px 12px;border-radius:4px;font-weight:bold;color:")
                .append(tone.ink).append(";background:").append(tone.paper).append(";border-left:6px solid ").append(tone.ink)
                .append(";\">").append(escape(words)).append("</p>");
        return this;
    }

    HtmlMail heading(String text) {
        html.append("<h2 style=\"font-size:17px;margin:20px 0 8px 0;\">").append(escape(text)).append("</h2>");
        return this;
    }

    HtmlMail list(List<String> items) {
        html.append("<ul style=\"margin:0 0 12px 0;padding-left:20px;\">");
        items.forEach(item -> html.append("<li style=\"margin:0 0 4px 0;\">").append(escape(item)).append("</li>"));
        html.append("</ul>");
        return this;
    }

    HtmlMail table(Table table) {
        heading(table.title());
        // A wide table scrolls sideways on a phone instead of shrinking the whole email.
        html.append("<div style=\"overflow-x:auto;\"><table role=\"table\" cellpadding=\"0\" cellspacing=\"0\" ")
                .append("style=\"border-collapse:collapse;width:100%;font-size:13px;\"><thead><tr>");
        for (int i = 0; i < table.header().size(); i++) {
            html.append("<th style=\"text-align:").append(align(table, i))
                    .append(";padding:4px 6px;border-bottom:2px solid #999999;white-space:nowrap;\">")
                    .append(escape(table.header().get(i))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append("<td style=\"text-align:").append(align(table, i))
                        .append(";padding:4px 6px;border-bottom:1px solid #dddddd;\">").append(escape(row.get(i))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        return this;
    }

    private static String align(Table table, int column) {
        return column < table.numeric().length && table.numeric()[column] ? "right" : "left";
    }

    String end(String signature) {
        html.append("<p style=\"margin:20px 0 0 0;color:#666666;\">").append(escape(signature)).append("</p></div></body></html>");
        return html.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
