package vn.motcua.appliance.web.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import vn.motcua.appliance.web.Markup;

/** The status page's HTML, with every value escaped. */
final class StatusHtml {
    private StatusHtml() {}

    static String page(String code, String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>Tra cứu hồ sơ — Dossier status</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/common.css\">"
                + "<link rel=\"stylesheet\" href=\"/assets/kiosk.css\"></head><body><header>Tra cứu hồ sơ "
                + "<span class=\"en\" lang=\"en\">/ Dossier status</span></header><section>" + body
                + "<p><a href=\"/kiosk\">← Về trang đầu <span lang=\"en\">/ Back</span></a></p>"
                // Back to the kiosk's start after a minute without a touch (status.js): a touch gives another minute,
                // which a <meta> refresh could not (WCAG 2.2.1); said on the page, so nobody is surprised.
                + "<p class=\"hint\">Trang tự quay về màn hình chính sau 1 phút không chạm <span class=\"en\" lang=\"en\">"
                + "/ Returns to the start screen after 1 minute without a touch</span></p>"
                + "</section><script src=\"/assets/status.js\"></script></body></html>";
    }

    static String form() {
        return "<form class=\"lookup\" action=\"/status\" method=\"get\"><label for=\"code\">Mã hồ sơ <span class=\"en\" lang=\"en\">"
                + "/ Dossier code</span></label><input id=\"code\" name=\"code\" maxlength=\"32\" autocomplete=\"off\">"
                + "<button type=\"submit\">Tra cứu <span lang=\"en\">/ Look up</span></button></form>";
    }

    static String message(String vi, String en) {
        return "<div class=\"warning\">" + Markup.escape(vi) + " <span class=\"en\" lang=\"en\">" + Markup.escape(en) + "</span></div>";
    }

    static String answer(DossierAnswer a, LocalDate today, DateTimeFormatter dates) {
        if (!a.found()) {
            return message("Không tìm thấy hồ sơ " + a.code(), "No dossier " + a.code() + " found");
        }
        boolean late = a.late(today);
        StringBuilder sb = new StringBuilder("<div class=\"ticket dossier" + (late ? " late" : "") + "\" id=\"dossier\">");
        sb.append("<div>Mã hồ sơ <span class=\"en\" lang=\"en\">/ Code</span>: <b>").append(Markup.escape(a.code())).append("</b></div>");
        sb.append("<div class=\"service\" id=\"dossier-status\">").append(Markup.escape(a.status().vi))
                .append(" <span class=\"en\" lang=\"en\">/ ").append(Markup.escape(a.status().en)).append("</span></div>");
        if (a.department() != null) {
            sb.append("<div>Nơi xử lý <span class=\"en\" lang=\"en\">/ At</span>: ").append(Markup.escape(a.department())).append("</div>");
        }
        if (a.promisedDate() != null) {
            sb.append("<div>Ngày hẹn trả <span class=\"en\" lang=\"en\">/ Promised</span>: <b>").append(dates.format(a.promisedDate()))
                    .append("</b></div>");
        }
        if (late) {
            sb.append("<div class=\"late\" id=\"late\">Trễ hẹn <span class=\"en\" lang=\"en\">/ Late</span></div>");
        }
        if (a.cachedAge() != null) {
            sb.append("<div class=\"warning\">Thông tin lưu lúc mất kết nối, cách đây ").append(a.cachedAge().toMinutes())
                    .append(" phút <span class=\"en\" lang=\"en\">/ Saved answer, ").append(a.cachedAge().toMinutes())
                    .append(" minutes old (server unreachable)</span></div>");
        }
        return sb.append("</div>").toString();
    }
}
